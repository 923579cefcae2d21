package org.zcp.caldav.dav;

import javax.xml.namespace.QName;

/**
 * The XML namespaces and element names of WebDAV (RFC 4918, 3744, 6578), CalDAV (RFC 4791),
 * CalDAV scheduling (RFC 6638) and CardDAV (RFC 6352).
 */
public final class Names {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    /** Apple's calendarserver namespace: getctag. */
    public static final String CS = "http://calendarserver.org/ns/";
    /** Apple's iCal namespace: calendar-color, calendar-order. */
    public static final String APPLE = "http://apple.com/ns/ical/";

    // RFC 4918 section 14/15 and RFC 3744, RFC 5397, RFC 6578
    public static final QName MULTISTATUS = dav("multistatus");
    public static final QName RESPONSE = dav("response");
    public static final QName HREF = dav("href");
    public static final QName STATUS = dav("status");
    public static final QName PROPSTAT = dav("propstat");
    public static final QName PROP = dav("prop");
    public static final QName ALLPROP = dav("allprop");
    public static final QName PROPNAME = dav("propname");
    public static final QName SET = dav("set");
    public static final QName REMOVE = dav("remove");
    public static final QName ERROR = dav("error");
    public static final QName RESOURCETYPE = dav("resourcetype");
    public static final QName COLLECTION = dav("collection");
    public static final QName PRINCIPAL = dav("principal");
    public static final QName DISPLAYNAME = dav("displayname");
    public static final QName GETETAG = dav("getetag");
    public static final QName GETCONTENTTYPE = dav("getcontenttype");
    public static final QName GETCONTENTLENGTH = dav("getcontentlength");
    public static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    public static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
    public static final QName PRIVILEGE = dav("privilege");
    public static final QName OWNER = dav("owner");
    public static final QName PRINCIPAL_URL = dav("principal-URL");
    public static final QName PRINCIPAL_COLLECTION_SET = dav("principal-collection-set");
    public static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
    public static final QName SUPPORTED_REPORT = dav("supported-report");
    public static final QName REPORT = dav("report");
    public static final QName SYNC_TOKEN = dav("sync-token");
    public static final QName SYNC_COLLECTION = dav("sync-collection");
    public static final QName SYNC_LEVEL = dav("sync-level");
    public static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
    public static final QName EXPAND_PROPERTY = dav("expand-property");
    public static final QName PRINCIPAL_PROPERTY_SEARCH = dav("principal-property-search");
    public static final QName PRINCIPAL_SEARCH_PROPERTY_SET = dav("principal-search-property-set");
    public static final QName PROPFIND_FINITE_DEPTH = dav("propfind-finite-depth");
    public static final QName NEED_PRIVILEGES = dav("need-privileges");
    public static final QName QUOTA_NOT_EXCEEDED = dav("quota-not-exceeded");
    public static final QName RESOURCE_MUST_BE_NULL = dav("resource-must-be-null");
    public static final QName VALID_RESOURCETYPE = dav("valid-resourcetype");
    public static final QName MKCOL = dav("mkcol");
    public static final QName MKCOL_RESPONSE = dav("mkcol-response");
    public static final QName PROPERTYUPDATE = dav("propertyupdate");

    // RFC 4791
    public static final QName CALENDAR = caldav("calendar");
    public static final QName MKCALENDAR = caldav("mkcalendar");
    public static final QName MKCALENDAR_RESPONSE = caldav("mkcalendar-response");
    public static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");
    public static final QName CALENDAR_USER_ADDRESS_SET = caldav("calendar-user-address-set");
    public static final QName CALENDAR_USER_TYPE = caldav("calendar-user-type");
    public static final QName CALENDAR_DESCRIPTION = caldav("calendar-description");
    public static final QName CALENDAR_TIMEZONE = caldav("calendar-timezone");
    public static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");
    public static final QName SUPPORTED_CALENDAR_DATA = caldav("supported-calendar-data");
    public static final QName CALENDAR_DATA = caldav("calendar-data");
    public static final QName EXPAND = caldav("expand");
    public static final QName COMP = caldav("comp");
    public static final QName MAX_RESOURCE_SIZE = caldav("max-resource-size");
    public static final QName CALENDAR_QUERY = caldav("calendar-query");
    public static final QName CALENDAR_MULTIGET = caldav("calendar-multiget");
    public static final QName FREE_BUSY_QUERY = caldav("free-busy-query");
    public static final QName FILTER = caldav("filter");
    public static final QName COMP_FILTER = caldav("comp-filter");
    public static final QName PROP_FILTER = caldav("prop-filter");
    public static final QName TEXT_MATCH = caldav("text-match");
    public static final QName TIME_RANGE = caldav("time-range");
    public static final QName IS_NOT_DEFINED = caldav("is-not-defined");
    public static final QName SUPPORTED_FILTER = caldav("supported-filter");
    public static final QName VALID_FILTER = caldav("valid-filter");

    // RFC 6638
    public static final QName SCHEDULE_OUTBOX = caldav("schedule-outbox");
    public static final QName SCHEDULE_INBOX = caldav("schedule-inbox");
    public static final QName SCHEDULE_OUTBOX_URL = caldav("schedule-outbox-URL");
    public static final QName SCHEDULE_INBOX_URL = caldav("schedule-inbox-URL");
    public static final QName SCHEDULE_SEND_FREEBUSY = caldav("schedule-send-freebusy");
    public static final QName SCHEDULE_RESPONSE = caldav("schedule-response");
    /** One recipient's answer in a schedule-response (CALDAV:response, not DAV:response). */
    public static final QName RECIPIENT_RESPONSE = caldav("response");
    public static final QName RECIPIENT = caldav("recipient");
    public static final QName REQUEST_STATUS = caldav("request-status");
    public static final QName VALID_CALENDAR_DATA = caldav("valid-calendar-data");
    public static final QName VALID_SCHEDULING_MESSAGE = caldav("valid-scheduling-message");
    public static final QName ORGANIZER_ALLOWED = caldav("organizer-allowed");

    // RFC 6352
    public static final QName ADDRESSBOOK = carddav("addressbook");
    public static final QName ADDRESSBOOK_HOME_SET = carddav("addressbook-home-set");
    public static final QName ADDRESSBOOK_DESCRIPTION = carddav("addressbook-description");
    public static final QName SUPPORTED_ADDRESS_DATA = carddav("supported-address-data");
    public static final QName ADDRESS_DATA_TYPE = carddav("address-data-type");
    public static final QName ADDRESS_DATA = carddav("address-data");
    public static final QName CARD_MAX_RESOURCE_SIZE = carddav("max-resource-size");
    public static final QName ADDRESSBOOK_QUERY = carddav("addressbook-query");
    public static final QName ADDRESSBOOK_MULTIGET = carddav("addressbook-multiget");
    public static final QName CARD_FILTER = carddav("filter");
    public static final QName CARD_PROP_FILTER = carddav("prop-filter");
    public static final QName CARD_TEXT_MATCH = carddav("text-match");
    public static final QName CARD_IS_NOT_DEFINED = carddav("is-not-defined");

    public static final QName GETCTAG = new QName(CS, "getctag");
    public static final QName CALENDAR_COLOR = new QName(APPLE, "calendar-color");
    public static final QName CALENDAR_ORDER = new QName(APPLE, "calendar-order");

    private Names() {
    }

    public static QName dav(String local) {
        return new QName(DAV, local);
    }

    public static QName caldav(String local) {
        return new QName(CALDAV, local);
    }

    public static QName carddav(String local) {
        return new QName(CARDDAV, local);
    }
}
