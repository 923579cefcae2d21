/**
 * The "MAPI in SOAP" contract shared by the server endpoint and the tools: service ZarafaCmd,
 * namespace urn:zarafa. Child elements are unqualified (the JAX-WS default), so that every SOAP
 * stack generates the same wrapper elements from this interface.
 */
@XmlSchema(namespace = "urn:zarafa")
package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlSchema;
