package dev.cxm.engage.profile.internal;

import java.util.HashMap;
import java.util.Map;

import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;

/** The latest consent decision per purpose, of one record and of linked records. */
public final class Consents {

    private Consents() {}

    /**
     * Returns the latest decision per purpose of a customer record, as {@link Customer#consentFor} decides it.
     *
     * @param customer the record
     * @return the decisions keyed by purpose, as the table a profile keeps
     */
    public static ConsentTable latestPerPurpose(Customer customer) {
        Map<String, ConsentRecord> latest = new HashMap<>();
        for (ConsentRecord consent : customer.consents()) {
            latest.computeIfAbsent(consent.purpose(), purpose -> customer.consentFor(purpose).orElseThrow());
        }
        return ConsentTable.copyOf(latest);
    }

    /**
     * Returns per purpose the later decision of two sets; of two at one instant, the one that does not grant, so
     * that a link between customers never turns a refusal into a consent.
     *
     * @param first one set of decisions keyed by purpose
     * @param second another
     * @return the merged decisions, as the table a profile keeps
     */
    public static ConsentTable merge(Map<String, ConsentRecord> first, Map<String, ConsentRecord> second) {
        Map<String, ConsentRecord> merged = new HashMap<>(first);
        second.forEach((purpose, theirs) -> merged.merge(purpose, theirs, Consents::later));
        return ConsentTable.copyOf(merged);
    }

    private static ConsentRecord later(ConsentRecord mine, ConsentRecord theirs) {
        int order = mine.at().compareTo(theirs.at());
        if (order != 0) {
            return order > 0 ? mine : theirs;
        }
        return mine.status() != ConsentStatus.GRANTED ? mine : theirs;
    }
}
