package org.zcp.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SOAP edge carries every field: each wire type is filled with a distinct value in every
 * field (nested objects and lists too), mapped with {@link Wire}, and compared field by field with
 * the store's type of the same name, and back. A field added to one side only, or forgotten in
 * the mapping, fails here before a client notices a value silently dropped.
 */
class WireTest {
    private static final List<String> STORE_PACKAGES = List.of("org.zcp.store.api.mapi", "org.zcp.store.api.rules",
            "org.zcp.store.api.admin", "org.zcp.store.api.delivery");

    /** Wire types the store receives (mapped in) and answers with (mapped out). */
    static Stream<Class<?>> both() {
        return Stream.of(org.zcp.api.soap.PropValue.class, org.zcp.api.soap.NamedProp.class,
                org.zcp.api.soap.Message.class, org.zcp.api.soap.Recipient.class, org.zcp.api.soap.Attachment.class,
                org.zcp.api.soap.AclEntry.class, org.zcp.api.soap.Rule.class, org.zcp.api.soap.RuleCondition.class,
                org.zcp.api.soap.UserDetails.class, org.zcp.api.soap.GroupDetails.class,
                org.zcp.api.soap.CompanyDetails.class);
    }

    static Stream<Class<?>> inOnly() {
        return Stream.of(org.zcp.api.soap.TableQuery.class, org.zcp.api.soap.SortOrder.class,
                org.zcp.api.soap.Restriction.class);
    }

    static Stream<Class<?>> outOnly() {
        return Stream.of(org.zcp.api.soap.TableResult.class, org.zcp.api.soap.StoreInfo.class,
                org.zcp.api.soap.QuotaStatus.class, org.zcp.api.soap.OrphanReport.class,
                org.zcp.api.soap.ArchiveInfo.class, org.zcp.api.soap.DeliveryResult.class);
    }

    @ParameterizedTest
    @MethodSource("both")
    void aWireValueGoesInAndComesBackWhole(Class<?> wire) throws Exception {
        Object sent = fill(wire, new int[] {1}, 0);
        Object stored = map("in", wire, sent);
        assertSame(sent, stored, wire.getSimpleName());
        Object back = map("out", stored.getClass(), stored);
        assertThat(back).isInstanceOf(wire);
        assertSame(sent, back, wire.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("inOnly")
    void whatAClientSendsReachesTheStoreWhole(Class<?> wire) throws Exception {
        Object sent = fill(wire, new int[] {1}, 0);
        assertSame(sent, map("in", wire, sent), wire.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("outOnly")
    void whatTheStoreAnswersReachesTheWireWhole(Class<?> wire) throws Exception {
        Class<?> store = storeType(wire);
        Object answered = fill(store, new int[] {1}, 0);
        Object sent = map("out", store, answered);
        assertThat(sent).isInstanceOf(wire);
        assertSame(answered, sent, wire.getSimpleName());
    }

    @Test
    void absentStaysAbsentAndEmptyStaysEmpty() {
        org.zcp.api.soap.Message m = new org.zcp.api.soap.Message();
        m.recipients = null;
        m.attachments = new ArrayList<>();
        org.zcp.store.api.mapi.Message in = Wire.in(m);
        assertThat(in.recipients).as("no recipient list: the saved message keeps its recipients").isNull();
        assertThat(in.attachments).as("an empty list replaces the attachments").isEmpty();
        assertThat(Wire.in((org.zcp.api.soap.Message) null)).isNull();
    }

    @ParameterizedTest
    @MethodSource("allWireTypes")
    void bothSidesHaveTheSameFields(Class<?> wire) {
        assertThat(fieldNames(storeType(wire))).as(wire.getSimpleName()).isEqualTo(fieldNames(wire));
    }

    static Stream<Class<?>> allWireTypes() {
        return Stream.of(both(), inOnly(), outOnly(), Stream.of(org.zcp.api.soap.RuleAction.class,
                org.zcp.api.soap.HeaderMatch.class, org.zcp.api.soap.Row.class, org.zcp.api.soap.OrphanStore.class))
                .flatMap(s -> s);
    }

    // ---- reflection ----------------------------------------------------------------------------

    private static Object map(String direction, Class<?> from, Object value) throws Exception {
        Method m = Wire.class.getDeclaredMethod(direction, from);
        m.setAccessible(true);
        return m.invoke(null, value);
    }

    private static Class<?> storeType(Class<?> wire) {
        for (String p : STORE_PACKAGES) {
            try {
                return Class.forName(p + "." + wire.getSimpleName());
            } catch (ClassNotFoundException e) {
                // next package
            }
        }
        throw new AssertionError("no store type for " + wire.getName());
    }

    private static List<Field> fields(Class<?> c) {
        return Arrays.stream(c.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    }

    private static Set<String> fieldNames(Class<?> c) {
        Set<String> names = new TreeSet<>();
        for (Field f : fields(c)) names.add(f.getName() + ":" + kind(f.getGenericType()));
        return names;
    }

    /** A field's type with the package left out, so that wire and store types compare equal. */
    private static String kind(Type t) {
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "<" + kind(p.getActualTypeArguments()[0]) + ">";
        }
        return ((Class<?>) t).getSimpleName();
    }

    /** An instance with every field set to a value no other field has; nested types two levels deep. */
    private static Object fill(Class<?> c, int[] next, int depth) throws Exception {
        Object o = c.getDeclaredConstructor().newInstance();
        for (Field f : fields(c)) f.set(o, value(f.getGenericType(), next, depth));
        return o;
    }

    private static Object value(Type t, int[] next, int depth) throws Exception {
        int n = next[0]++;
        if (t instanceof ParameterizedType p) {
            List<Object> list = new ArrayList<>();
            if (depth < 2) {
                list.add(value(p.getActualTypeArguments()[0], next, depth + 1));
                list.add(value(p.getActualTypeArguments()[0], next, depth + 1));
            }
            return list;
        }
        Class<?> c = (Class<?>) t;
        if (c == int.class || c == Integer.class) return n;
        if (c == long.class || c == Long.class) return (long) n * 1_000_003L;
        if (c == double.class || c == Double.class) return n + 0.5;
        if (c == boolean.class || c == Boolean.class) return n % 2 == 0;
        if (c == String.class) return "v" + n;
        if (c == byte[].class) return new byte[] {(byte) n, (byte) (n >> 8), 7};
        return depth < 2 ? fill(c, next, depth + 1) : null;
    }

    /** Field by field (by name), into lists and nested objects; byte arrays by content. */
    private static void assertSame(Object expected, Object actual, String path) throws Exception {
        if (expected == null || actual == null) {
            assertThat(actual).as(path).isEqualTo(expected);
            return;
        }
        if (expected instanceof byte[] a) {
            assertThat((byte[]) actual).as(path).isEqualTo(a);
        } else if (expected instanceof List<?> a) {
            List<?> b = (List<?>) actual;
            assertThat(b).as(path).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) assertSame(a.get(i), b.get(i), path + "[" + i + "]");
        } else if (expected.getClass().getName().startsWith("org.zcp.")) {
            for (Field f : fields(expected.getClass())) {
                assertSame(f.get(expected), actual.getClass().getField(f.getName()).get(actual), path + "." + f.getName());
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
