/** The outcome of a delivery to one recipient, as LMTP, zarafa-dagent and SOAP report it. */
package org.zcp.store.api.delivery;
