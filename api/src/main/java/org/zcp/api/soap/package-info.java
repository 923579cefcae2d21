/** The "MAPI in SOAP" contract shared by the server endpoint and the tools: service ZarafaCmd, namespace urn:zarafa. */
@XmlSchema(namespace = "urn:zarafa", elementFormDefault = XmlNsForm.QUALIFIED)
package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
