package dev.cxm.engage.action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureParticipant;

/**
 * The contacts made, per customer, in memory: what the contact policy counts. Thread-safe. A host with its own
 * record of contacts passes them to {@link DecisionContext} directly. As an {@link ErasureParticipant} it forgets
 * a customer's contacts.
 */
public final class ContactLedger implements ErasureParticipant {

    private final Map<CustomerId, List<Contact>> contacts = new HashMap<>();

    private ContactLedger() {}

    /**
     * Returns an empty ledger.
     *
     * @return the ledger
     */
    public static ContactLedger create() {
        return new ContactLedger();
    }

    /**
     * Records a contact.
     *
     * @param contact the contact
     * @return this ledger
     */
    public synchronized ContactLedger record(Contact contact) {
        Checks.present("contact", contact);
        contacts.computeIfAbsent(contact.customer(), id -> new ArrayList<>()).add(contact);
        return this;
    }

    /**
     * Returns a customer's contacts, in the order recorded.
     *
     * @param customer the customer
     * @return a snapshot of the contacts
     */
    public synchronized List<Contact> contactsOf(CustomerId customer) {
        return List.copyOf(contacts.getOrDefault(Checks.present("customer", customer), List.of()));
    }

    /**
     * Forgets a customer's contacts, for erasure.
     *
     * @param customer the customer
     * @return the contacts removed
     */
    @Override
    public synchronized long forget(CustomerId customer) {
        List<Contact> removed = contacts.remove(Checks.present("customer", customer));
        return removed == null ? 0 : removed.size();
    }
}
