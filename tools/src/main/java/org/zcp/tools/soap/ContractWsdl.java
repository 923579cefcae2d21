package org.zcp.tools.soap;

import com.oracle.webservices.api.databinding.DatabindingFactory;
import com.oracle.webservices.api.databinding.WSDLResolver;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.Result;
import javax.xml.transform.stream.StreamResult;
import org.zcp.api.soap.ZarafaCmd;

/**
 * The WSDL of {@link ZarafaCmd}, generated from the annotated interface once per process. Metro
 * only builds a typed proxy from a WSDL model; generating it locally spares every tool run a
 * {@code ?wsdl} round trip and keeps the contract the one compiled into the api jar.
 */
final class ContractWsdl {
    private static final String NAME = "ZarafaCmd.wsdl";
    private static volatile Path file;

    private ContractWsdl() {
    }

    /**
     * A file URL of the WSDL (its soap:address is replaced by the endpoint address). A file,
     * because Metro re-creates the URL from its string form, losing any in-memory handler.
     */
    static URL url() {
        Path f = file;
        if (f == null) {
            synchronized (ContractWsdl.class) {
                if (file == null) {
                    file = write(generate());
                }
                f = file;
            }
        }
        try {
            return f.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(String wsdl) {
        try {
            Path f = Files.createTempFile("zarafa-cmd-", ".wsdl");
            f.toFile().deleteOnExit();
            Files.writeString(f, wsdl, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SOAP contract to a temporary file", e);
        }
    }

    private static String generate() {
        StringWriter out = new StringWriter();
        DatabindingFactory.newInstance().createBuilder(ZarafaCmd.class, null)
                .targetNamespace(ZarafaClient.NAMESPACE)
                .serviceName(ZarafaClient.SERVICE)
                .portName(ZarafaClient.PORT)
                .property("com.sun.xml.ws.binding.BindingID", SOAPBinding.SOAP11HTTP_BINDING)
                .classLoader(ZarafaCmd.class.getClassLoader())
                .createWSDLGenerator()
                .inlineSchema(true)
                .generate(new WSDLResolver() {
                    @Override
                    public Result getWSDL(String suggestedFilename) {
                        StreamResult r = new StreamResult(out);
                        r.setSystemId(NAME);
                        return r;
                    }

                    @Override
                    public Result getAbstractWSDL(Holder<String> filename) {
                        return null; // one document: the concrete WSDL holds the port type too
                    }

                    @Override
                    public Result getSchemaOutput(String namespace, Holder<String> filename) {
                        return null; // schemas are inlined
                    }
                });
        return out.toString();
    }
}
