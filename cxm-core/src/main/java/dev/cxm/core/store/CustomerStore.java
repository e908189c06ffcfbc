package dev.cxm.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;

/** Keeps customer profiles, one per customer id. */
public interface CustomerStore {

    /**
     * Stores {@code customer}, replacing the profile stored under the same id.
     *
     * @param customer the profile
     * @throws NullPointerException when {@code customer} is null; nothing changes then
     */
    void put(Customer customer);

    /**
     * Stores every customer of {@code customers}, each replacing the profile stored under its id (a later one
     * of the same id wins), all or nothing. A store over a database writes them in one transaction, far faster
     * than one {@link #put} each; the default checks that none is null, then puts them in order (a store whose
     * {@code put} cannot fail otherwise, as the in-memory one, so stores all or nothing).
     *
     * @param customers the profiles
     * @throws NullPointerException when {@code customers} or one of them is null; nothing changes then
     */
    default void putAll(Collection<Customer> customers) {
        List.copyOf(customers).forEach(this::put);
    }

    /**
     * Returns the customer with the given id, if stored.
     *
     * @param id the customer id
     * @return the profile, or empty
     */
    Optional<Customer> get(CustomerId id);

    /**
     * Returns the customers matching {@code query}, ordered by id ({@link CustomerId#compareTo}).
     *
     * @param query the criteria
     * @return the matching profiles
     */
    List<Customer> find(CustomerQuery query);

    /**
     * Returns how many customers are stored.
     *
     * @return the number of profiles
     */
    long count();

    /**
     * Removes the customer's profile, for erasure under data-protection law.
     *
     * @param id the customer id
     * @return whether a profile was stored and removed
     */
    boolean erase(CustomerId id);
}
