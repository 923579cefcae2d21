/**
 * The "MAPI in SOAP" contract shared by the server endpoint and the tools: service ZarafaCmd,
 * namespace urn:zarafa. Child elements are unqualified (the JAX-WS default), so that every SOAP
 * stack generates the same wrapper elements from this interface. These are wire types: the
 * server maps them to the store's own types ({@code org.zcp.store.api.*}) at its SOAP edge and
 * uses them nowhere else, so the WSDL and the store's model can change apart.
 */
@XmlSchema(namespace = "urn:zarafa")
package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlSchema;
