/**
 * What administration reads and writes (manual chapter 6 and 8, zarafa-admin): users, groups,
 * companies, orphaned stores, archives, in the store's own types; SOAP maps them at its edge.
 */
package org.zcp.store.api.admin;
