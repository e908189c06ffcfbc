package dev.cxm.test.store;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;

/** Runs the compatibility kit on the in-memory customer store. */
class InMemoryCustomerStoreTest extends CustomerStoreCompatibilityKit {

    @Override
    protected CustomerStore createStore() {
        return InMemoryCustomerStore.create();
    }
}
