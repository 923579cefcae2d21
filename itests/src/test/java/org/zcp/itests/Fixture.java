package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Attachment;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.Recipient;
import org.zcp.api.soap.Row;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.ZarafaCmd;

/** Small helpers to build messages and read tables in tests. */
public final class Fixture {
    private Fixture() {
    }

    public static Message message(String subject, long deliveryTime) {
        Message m = new Message();
        m.props.add(PropValue.ofString(PropTag.PR_SUBJECT, subject));
        m.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note"));
        m.props.add(PropValue.ofString(PropTag.PR_BODY, "Body of " + subject));
        m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_DELIVERY_TIME, deliveryTime));
        m.props.add(PropValue.ofString(PropTag.PR_SENDER_NAME, "Sender"));
        return m;
    }

    public static Recipient recipient(String name, String email, int type) {
        Recipient r = new Recipient();
        r.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, name));
        r.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, email));
        r.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
        r.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, type));
        return r;
    }

    public static Attachment attachment(String name, byte[] data) {
        Attachment a = new Attachment();
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, name));
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, "application/octet-stream"));
        a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, 1));
        a.data = data;
        return a;
    }

    /** Folder name to entry id of the direct children of a folder. */
    public static java.util.Map<String, String> folders(ZarafaCmd c, String sid, String parent) throws MapiException {
        TableQuery q = new TableQuery();
        q.columns = List.of(PropTag.PR_DISPLAY_NAME, PropTag.PR_ENTRYID, PropTag.PR_CONTAINER_CLASS);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Row r : c.queryHierarchy(sid, parent, q).rows) {
            out.put(PropValues.string(r.props, PropTag.PR_DISPLAY_NAME),
                    java.util.HexFormat.of().withUpperCase().formatHex(PropValues.binary(r.props, PropTag.PR_ENTRYID)));
        }
        return out;
    }

    public static List<String> subjects(TableResult t) {
        List<String> out = new ArrayList<>();
        for (Row r : t.rows) out.add(PropValues.string(r.props, PropTag.PR_SUBJECT));
        return out;
    }

    public static TableQuery columns(Integer... tags) {
        TableQuery q = new TableQuery();
        q.columns = new ArrayList<>(List.of(tags));
        return q;
    }

    public static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }

    public static void assertFault(ThrowingCall call, String error) {
        try {
            call.run();
        } catch (MapiException e) {
            assertThat(e.getFaultInfo().error).as(e.getMessage()).isEqualTo(error);
            return;
        } catch (Exception e) {
            throw new AssertionError("expected " + error + " but got " + e, e);
        }
        throw new AssertionError("expected " + error + " but the call succeeded");
    }

    @FunctionalInterface
    public interface ThrowingCall {
        void run() throws Exception;
    }
}
