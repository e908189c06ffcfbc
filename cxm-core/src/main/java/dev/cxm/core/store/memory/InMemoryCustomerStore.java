package dev.cxm.core.store.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;

/**
 * The default {@link CustomerStore}: profiles in a concurrent hash map.
 *
 * <p>Thread safety: every method may be called from any number of threads at once; each {@code put} and
 * {@code erase} is atomic and visible to every read that starts after it returns. {@link #find} scans the
 * profiles and sees each one either before or after a concurrent write, never half of it.
 */
public final class InMemoryCustomerStore implements CustomerStore {

    private final Map<CustomerId, Customer> customers = new ConcurrentHashMap<>();

    private InMemoryCustomerStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    public static InMemoryCustomerStore create() {
        return new InMemoryCustomerStore();
    }

    @Override
    public void put(Customer customer) {
        Checks.present("customer", customer);
        customers.put(customer.id(), customer);
    }

    @Override
    public Optional<Customer> get(CustomerId id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public List<Customer> find(CustomerQuery query) {
        return customers.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(Customer::id))
                .toList();
    }

    @Override
    public long count() {
        return customers.size();
    }

    @Override
    public boolean erase(CustomerId id) {
        return customers.remove(id) != null;
    }
}
