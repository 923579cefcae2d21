package org.zcp.tools.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.Endpoint;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.admin.FakeZarafaCmd;

/** A real SOAP round trip through the WSDL-less client against a published fake server. */
class ZarafaClientTest {
    private final FakeZarafaCmd server = new FakeZarafaCmd();
    private Endpoint endpoint;
    private String url;

    @BeforeEach
    void publish() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port + "/zarafa";
        endpoint = Endpoint.publish(url, server);
        server.passwords.put("john", "secret");
        server.addUser("john", "John Doe");
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void callsAndMapiFaultsTravelOverSoap() throws Exception {
        ZarafaCmd cmd = ZarafaClient.create(url);

        String session = cmd.logon("john", "secret", null, "zarafa-admin").sessionId;
        UserDetails john = cmd.getUser(session, "john");
        List<UserDetails> sendAs = cmd.getSendAsList(session, "john");

        assertThat(john.fullName).isEqualTo("John Doe");
        assertThat(sendAs).isNullOrEmpty();
        assertThatThrownBy(() -> cmd.getUser(session, "nobody"))
                .isInstanceOfSatisfying(MapiException.class, e -> {
                    assertThat(e.getFaultInfo().error).isEqualTo("MAPI_E_NOT_FOUND");
                    assertThat(e.getFaultInfo().message).isEqualTo("user nobody not found");
                });
        cmd.logoff(session);
        assertThat(server.loggedOff).isTrue();
    }
}
