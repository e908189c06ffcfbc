package dev.cxm.core.store;

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
