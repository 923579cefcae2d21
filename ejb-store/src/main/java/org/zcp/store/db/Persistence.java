package org.zcp.store.db;

import jakarta.ejb.Stateless;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The store's persistence context for the core's CDI beans (docs/store-api.md, "EJBs at the
 * boundaries, CDI inside"): the container's transaction-scoped EntityManager, which any thread
 * may use and which works on the EntityManager of the caller's transaction. Handed out by a
 * session bean rather than injected with {@code @PersistenceContext} into the CDI beans: Weld
 * resolves that persistence unit while the deployment starts and found it sometimes not yet there
 * (WeldStartService: "service jboss.persistenceunit ... not found"); a producer runs only when a
 * bean is first used.
 */
@Stateless
public class Persistence {
    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Produces
    @Dependent
    public EntityManager entityManager() {
        return em;
    }
}
