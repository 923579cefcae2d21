/**
 * The store's MAPI object model in its own types: properties ({@link org.zcp.store.api.mapi.PropValue}),
 * messages with recipients and attachments, named properties, restrictions, sort orders and table
 * rows, permissions, store and quota facts. The store's services take and return these; SOAP
 * keeps its own wire types ({@code org.zcp.api.soap}, fixed by the WSDL) and maps them at its edge
 * ({@code org.zcp.soap.Wire}), so the wire contract and the store's model can change apart.
 * Plain classes with public fields (the MAPI shapes are mutable by nature: a property list is
 * built and edited); no container, no XML binding.
 */
package org.zcp.store.api.mapi;
