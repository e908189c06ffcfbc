package dev.cxm.core.store.memory;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.kit.CustomerStoreCompatibilityKit;

/** Runs the compatibility kit on the in-memory customer store. */
class InMemoryCustomerStoreTest extends CustomerStoreCompatibilityKit {

    @Override
    protected CustomerStore createStore() {
        return InMemoryCustomerStore.create();
    }
}
