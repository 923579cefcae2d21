package org.zcp.api.config;

/**
 * The option sets of the configuration files, with the manual's names and defaults (see
 * REFERENCE "Configuration keys and defaults of the original"). Files of later services
 * (gateway.cfg, dagent.cfg, spooler.cfg, ...) are added with those services.
 */
public final class Schemas {
    private Schemas() {
    }

    /** server.cfg (manual 4.1, 4.6, 4.7, 4.12, 6.2, 7.2, 7.3, 7.5, 8.7, 9.2). */
    public static final ConfigSchema SERVER = ConfigSchema.builder("server")
            .string("server_bind", "0.0.0.0")
            .bool("server_tcp_enabled", true)
            .integer("server_tcp_port", 236)
            .bool("server_pipe_enabled", true)
            .string("server_pipe_name", "/var/run/zarafa")
            .string("server_pipe_priority", "/var/run/zarafa-prio")
            .string("server_name", "")
            .string("server_hostname", "")
            .integer("server_recv_timeout", 5).reloadable()
            .integer("server_read_timeout", 60).reloadable()
            .integer("server_send_timeout", 60).reloadable()
            .integer("server_max_keep_alive_requests", 100)
            .string("proxy_header", "")
            // ZCP extension: a reverse proxy on this machine (5.1.3; the appliance's nginx) is in
            // front; its X-Forwarded-For/-Proto name the client. Only with a loopback server_bind.
            .bool("trust_proxy_headers", false)
            .bool("allow_local_users", true).reloadable()
            .string("local_admin_users", "root").reloadable()
            .bool("owner_auto_full_access", true)
            .string("system_email_address", "postmaster@localhost")
            .string("run_as_user", "")
            .string("run_as_group", "")
            .string("pid_file", "/var/run/zarafa-server.pid")
            .string("running_path", "/")
            .integer("session_timeout", 300).reloadable()
            .bool("session_ip_check", true).reloadable()
            // ZCP extensions (security, issue 9): failed logons per account before each further
            // attempt is delayed (per address: four times as many), the longest delay in seconds,
            // and the named properties one user may create
            .integer("logon_throttle_failures", 5).reloadable()
            .integer("logon_throttle_max_delay", 300).reloadable()
            .integer("namedprop_user_limit", 2048).reloadable()
            // ZCP extension: the largest SOAP request (a whole message with inline attachments, or
            // an MTOM upload); bigger ones are refused before they are read
            .size("soap_max_post_size", "128M")
            .logging("/var/log/zarafa/server.log")
            .bool("audit_log_enabled", false)
            .string("audit_log_method", "syslog")
            .string("audit_log_file", "-")
            .integer("audit_log_level", 1).reloadable()
            .bool("audit_log_timestamp", false).reloadable()
            .string("mysql_host", "localhost")
            .integer("mysql_port", 3306)
            .string("mysql_user", "root")
            .string("mysql_password", "")
            .string("mysql_socket", "")
            .string("mysql_database", "zarafa")
            .string("mysql_engine", "InnoDB")
            .string("database_engine", "mysql")
            .string("attachment_storage", "files")
            .string("attachment_path", "/var/lib/zarafa/attachments")
            .integer("attachment_compression", 6)
            .bool("server_ssl_enabled", false)
            .integer("server_ssl_port", 237)
            .string("server_ssl_key_file", "/etc/zarafa/ssl/server.pem")
            .string("server_ssl_key_pass", "server")
            .string("server_ssl_ca_file", "/etc/zarafa/ssl/cacert.pem")
            .string("server_ssl_ca_path", "")
            .string("server_ssl_protocols", "")
            .string("server_ssl_ciphers", "")
            .bool("server_ssl_prefer_server_ciphers", false)
            .string("sslkeys_path", "/etc/zarafa/sslkeys")
            .integer("threads", 8)
            .integer("watchdog_frequency", 1)
            .integer("watchdog_max_age", 500)
            .integer("softdelete_lifetime", 30).reloadable()
            .integer("sync_lifetime", 90).reloadable()
            .integer("sync_log_all_changes", 1)
            .bool("enable_sso", false)
            .string("server_ssl_sso", "")
            .bool("enable_gab", true)
            .bool("hide_everyone", false).reloadable()
            .bool("hide_system", true).reloadable()
            .bool("sync_gab_realtime", true)
            .size("cache_cell_size", "256M")
            .size("cache_object_size", "5M")
            .size("cache_indexedobject_size", "16M")
            .size("cache_quota_size", "1M")
            .integer("cache_quota_lifetime", 1)
            .size("cache_acl_size", "1M")
            .size("cache_store_size", "1M")
            .size("cache_user_size", "1M")
            .size("cache_userdetails_size", "25M")
            .integer("cache_userdetails_lifetime", 0)
            .size("cache_server_size", "1M")
            .integer("cache_server_lifetime", 30)
            .integer("quota_warn", 0).reloadable()
            .integer("quota_soft", 0).reloadable()
            .integer("quota_hard", 0).reloadable()
            .integer("companyquota_warn", 0).reloadable()
            .string("user_plugin", "db")
            .string("user_plugin_config", "/etc/zarafa/ldap.cfg")
            .string("plugin_path", "/usr/lib/zarafa")
            .string("createuser_script", "/etc/zarafa/userscripts/createuser").reloadable()
            .string("deleteuser_script", "/etc/zarafa/userscripts/deleteuser").reloadable()
            .string("creategroup_script", "/etc/zarafa/userscripts/creategroup").reloadable()
            .string("deletegroup_script", "/etc/zarafa/userscripts/deletegroup").reloadable()
            .string("createcompany_script", "/etc/zarafa/userscripts/createcompany").reloadable()
            .string("deletecompany_script", "/etc/zarafa/userscripts/deletecompany").reloadable()
            .bool("user_safe_mode", false).reloadable()
            .string("storename_format", "%f")
            .string("loginname_format", "%u")
            .bool("enable_hosted_zarafa", false)
            .bool("enable_distributed_zarafa", false)
            .string("disabled_features", "imap pop3").reloadable()
            .bool("search_enabled", true)
            .string("search_socket", "file:///var/run/zarafa-search")
            .integer("search_timeout", 10)
            .bool("client_update_enabled", false)
            .string("client_update_path", "/var/lib/zarafa/client")
            // options of earlier releases an existing server.cfg may still hold (manual 3.5.3, 6.4.1)
            .obsolete("index_services_enabled", "zarafa-indexer was replaced by search_enabled (manual 3.5.3)")
            .obsolete("index_services_path", "zarafa-indexer was replaced by search_socket (manual 3.5.3)")
            .obsolete("index_services_search_timeout", "zarafa-indexer was replaced by search_timeout (manual 3.5.3)")
            .obsolete("enable_sql_procedures", "the store uses no stored procedures; nothing to grant or enable"
                    + " (manual 3.5.3)")
            .obsolete("client_update_log_level", "the Outlook client's auto-update is not part of this platform"
                    + " (manual 6.4.1)")
            .obsolete("client_update_log_path", "the Outlook client's auto-update is not part of this platform"
                    + " (manual 6.4.1)")
            .bool("counter_reset", true)
            .integer("mysql_group_concat_max_len", 21844)
            .build();

    /** dagent.cfg: the delivery agent, LMTP on lmtp_port (manual 5.4, 6.1). */
    public static final ConfigSchema DAGENT = ConfigSchema.builder("dagent")
            .string("server_socket", "file:///var/run/zarafa")
            .string("server_bind", "127.0.0.1")
            .integer("lmtp_port", 2003)
            .integer("lmtp_max_threads", 20)
            // ZCP extension: recipient lookups for Postfix over socketmap; 0 turns them off
            .integer("lookup_port", 2004)
            .string("process_model", "fork")
            .string("run_as_user", "")
            .string("run_as_group", "")
            .string("pid_file", "/var/run/zarafa-dagent.pid")
            .string("running_path", "/")
            .logging("/var/log/zarafa/dagent.log")
            .string("sslkey_file", "")
            .string("sslkey_pass", "")
            .string("spam_header_name", "X-Spam-Status")
            .string("spam_header_value", "Yes,")
            .bool("log_raw_message", false)
            .string("log_raw_message_path", "/tmp")
            .bool("archive_on_delivery", false)
            .string("mr_autoaccepter", "/usr/bin/zarafa-mr-accept")
            .string("mr_autoprocessor", "/usr/bin/zarafa-mr-process")
            .bool("plugin_enabled", true)
            .string("plugin_path", "/var/lib/zarafa/dagent/plugins")
            .string("plugin_manager_path", "/usr/share/zarafa-dagent/python")
            .string("default_charset", "us-ascii")
            .bool("set_rule_headers", true)
            .bool("no_double_forward", false)
            .integer("insecure_html_join", 0)
            // ZCP extension: the processors of the delivery pipeline (James mailetcontainer.xml
            // format); relative to the configuration directory, built-in default when absent
            .string("mailetcontainer_file", "dagent-mailetcontainer.xml")
            .build();

    /** spooler.cfg: outgoing mail from the Outbox to the SMTP relay (manual 4.9, 6.7.2, 6.8.5). */
    public static final ConfigSchema SPOOLER = ConfigSchema.builder("spooler")
            .string("smtp_server", "localhost")
            .integer("smtp_port", 25)
            .string("server_socket", "file:///var/run/zarafa")
            .string("run_as_user", "")
            .string("run_as_group", "")
            .string("pid_file", "/var/run/zarafa-spooler.pid")
            .string("running_path", "/")
            .logging("/var/log/zarafa/spooler.log")
            .string("sslkey_file", "")
            .string("sslkey_pass", "")
            .integer("max_threads", 5)
            .bool("always_send_delegates", false)
            .bool("always_send_utf8", false)
            .string("charset_upgrade", "windows-1252")
            .bool("allow_redirect_spoofing", true)
            .bool("allow_delegate_meeting_request", true)
            .bool("allow_send_to_everyone", true)
            .bool("copy_delegate_mails", true)
            .bool("expand_groups", false)
            .bool("archive_on_send", false)
            .bool("enable_dsn", true)
            .bool("plugin_enabled", true)
            .string("plugin_path", "/var/lib/zarafa/spooler/plugins")
            .string("plugin_manager_path", "/usr/share/zarafa-spooler/python")
            // ZCP extensions: back-off for transient SMTP failures (seconds; doubled per attempt
            // up to an hour), how long to keep trying before the sender gets an Undeliverable
            // report, and the processors of the sending pipeline
            .integer("retry_delay", 60).reloadable()
            .integer("retry_lifetime", 432000).reloadable()
            .string("mailetcontainer_file", "spooler-mailetcontainer.xml")
            .build();

    /**
     * gateway.cfg: the IMAP and POP3 gateway (manual 4.11), served by the server itself through its
     * resource adapter; the original's defaults (REFERENCE.md) where the manual is silent.
     */
    public static final ConfigSchema GATEWAY = ConfigSchema.builder("gateway")
            .string("server_bind", "0.0.0.0")
            .string("server_socket", "http://localhost:236/zarafa")
            .string("server_hostname", "")
            .bool("server_hostname_greeting", false)
            .string("run_as_user", "")
            .string("run_as_group", "")
            .string("pid_file", "/var/run/zarafa-gateway.pid")
            .string("running_path", "/")
            .string("process_model", "fork")
            .bool("pop3_enable", true)
            .integer("pop3_port", 110)
            .bool("pop3s_enable", false)
            .integer("pop3s_port", 995)
            .bool("imap_enable", true)
            .integer("imap_port", 143)
            .bool("imaps_enable", false)
            .integer("imaps_port", 993)
            .bool("imap_only_mailfolders", true)
            .bool("imap_public_folders", true)
            .bool("imap_capability_idle", true)
            .integer("imap_max_fail_commands", 10)
            .size("imap_max_messagesize", "128M")
            .bool("imap_expunge_on_delete", false)
            .bool("imap_store_rfc822", true)
            // the original defaults to no; passwords before STARTTLS are refused unless the
            // administrator allows them (loopback counts as secure)
            .bool("disable_plaintext_auth", true)
            .tlsService()
            .logging("/var/log/zarafa/gateway.log")
            // ZCP extension: IMAP/POP3 sessions at once per listener (each on a virtual thread)
            .integer("gateway_max_connections", 500)
            // ZCP extension: connections not logged in yet from one address per listener (0: no
            // limit), so one client cannot take every slot (security review #12)
            .integer("gateway_max_connections_per_ip", 20)
            // ZCP extension: seconds of silence before login (and twice that in all) before the
            // connection is closed
            .integer("gateway_login_timeout", 60)
            .build();

    /**
     * ical.cfg: zarafa-ical, the iCal and CalDAV service (manual 4.10), served by the server itself
     * on an Undertow server of its own (ical_port, icals_port); the original's defaults
     * (REFERENCE.md) where the manual is silent. server_socket, run_as_user, pid_file, ... are
     * accepted so that an original file loads; the service runs in the server's process.
     */
    public static final ConfigSchema ICAL = ConfigSchema.builder("ical")
            .string("server_bind", "0.0.0.0")
            .bool("ical_enable", true)
            .integer("ical_port", 8080)
            .bool("icals_enable", false)
            .integer("icals_port", 8443)
            .string("server_socket", "http://localhost:236/zarafa")
            .string("run_as_user", "")
            .string("run_as_group", "")
            .string("pid_file", "/var/run/zarafa-ical.pid")
            .string("running_path", "/")
            // GET of a whole calendar as one iCalendar file (/ical/<user>/<folder>)
            .bool("enable_ical_get", true)
            // the time zone of events that name none (floating times, all-day events)
            .string("server_timezone", "Europe/Amsterdam")
            // the charset of a request that names none
            .string("default_charset", "utf-8")
            // ZCP extension, as in server.cfg: behind the appliance's reverse proxy, loopback only
            .bool("trust_proxy_headers", false)
            .tlsService()
            .logging("/var/log/zarafa/ical.log")
            .build();

    /**
     * webaccess.cfg: WebAccess, the web client at http://server/webaccess/ (manual 1.3, 5.1.2.1),
     * served by the server itself on an Undertow server of its own, as zarafa-ical is
     * (docs/webaccess.md). The original was PHP under Apache with config.php; this file is the
     * platform's own, in the manual's format, beside server.cfg. HTTPS is on by default, as the
     * manual's WebApp requires it (2.3.2).
     */
    public static final ConfigSchema WEBACCESS = ConfigSchema.builder("webaccess")
            // empty or 0.0.0.0: every address
            .string("server_bind", "0.0.0.0")
            .bool("http_enable", true)
            .integer("http_port", 80)
            .bool("https_enable", false)
            .integer("https_port", 443)
            .string("ssl_private_key_file", "/etc/zarafa/webaccess/privkey.pem")
            .string("ssl_certificate_file", "/etc/zarafa/webaccess/cert.pem")
            .string("ssl_protocols", "")
            .string("ssl_ciphers", "")
            .bool("ssl_prefer_server_ciphers", false)
            // the language of the logon page and of a user who has chosen none: en nl de fr pl
            .string("default_language", "en")
            // minutes of idleness before a web session ends (1-1440)
            .integer("session_timeout", 30)
            // MB per uploaded file (1-2047); a larger one is refused with 413
            .integer("max_upload_size", 20)
            // behind a reverse proxy on this machine (the appliance's nginx), loopback only
            .bool("trust_proxy_headers", false)
            .logging("/var/log/zarafa/webaccess.log")
            // warnings and worse by default: every request of a browser would otherwise be noise
            .add("log_level", "3", OptionType.INT, true)
            .build();

    /** admin.cfg: how zarafa-admin reaches the server (manual 6.1). */
    public static final ConfigSchema ADMIN = ConfigSchema.builder("admin")
            .string("server_socket", "http://localhost:236/zarafa")
            .string("sslkey_file", "")
            .string("sslkey_pass", "")
            .build();

    /**
     * ldap.cfg: the LDAP user plugin (manual 4.4.3, 5.2, 5.3, 8.5; user_plugin = ldap, the file
     * named by user_plugin_config). Defaults are the original's OpenLDAP defaults; the shipped
     * ldap.openldap.cfg and ldap.active-directory.cfg set every option for their directory.
     * ldap_starttls and ldap_tls_cacert are this platform's additions (the original read the CA
     * from /etc/ldap/ldap.conf and had no StartTLS, manual 8.5.1.4).
     */
    public static final ConfigSchema LDAP = ConfigSchema.builder("ldap")
            .string("ldap_host", "localhost")
            .integer("ldap_port", 389)
            .string("ldap_protocol", "ldap")
            .string("ldap_uri", "")
            .bool("ldap_starttls", false)
            .string("ldap_tls_cacert", "")
            .string("ldap_server_charset", "utf-8")
            .string("ldap_bind_user", "")
            .string("ldap_bind_passwd", "")
            .integer("ldap_network_timeout", 30)
            .string("ldap_last_modification_attribute", "modifyTimestamp")
            .integer("ldap_page_size", 1000)
            .string("ldap_search_base", "")
            .string("ldap_object_type_attribute", "objectClass")
            .string("ldap_user_type_attribute_value", "posixAccount")
            .string("ldap_group_type_attribute_value", "posixGroup")
            .string("ldap_contact_type_attribute_value", "zarafa-contact")
            .string("ldap_company_type_attribute_value", "zarafa-company")
            .string("ldap_addresslist_type_attribute_value", "zarafa-addresslist")
            .string("ldap_dynamicgroup_type_attribute_value", "zarafa-dynamicgroup")
            .string("ldap_server_type_attribute_value", "ipHost")
            // users
            .string("ldap_user_search_filter", "")
            .string("ldap_user_unique_attribute", "uidNumber")
            .string("ldap_user_unique_attribute_type", "text")
            .string("ldap_fullname_attribute", "cn")
            .string("ldap_loginname_attribute", "uid")
            .string("ldap_password_attribute", "userPassword")
            .string("ldap_authentication_method", "bind")
            .string("ldap_emailaddress_attribute", "mail")
            .string("ldap_emailaliases_attribute", "zarafaAliases")
            .string("ldap_isadmin_attribute", "zarafaAdmin")
            .string("ldap_nonactive_attribute", "zarafaSharedStoreOnly")
            .string("ldap_resource_type_attribute", "zarafaResourceType")
            .string("ldap_resource_capacity_attribute", "zarafaResourceCapacity")
            .string("ldap_sendas_attribute", "zarafaSendAsPrivilege")
            .string("ldap_sendas_attribute_type", "text")
            .string("ldap_sendas_relation_attribute", "")
            .string("ldap_user_certificate_attribute", "userCertificate")
            .string("ldap_enabled_features_attribute", "zarafaEnabledFeatures")
            .string("ldap_disabled_features_attribute", "zarafaDisabledFeatures")
            // groups
            .string("ldap_group_search_filter", "")
            .string("ldap_group_unique_attribute", "gidNumber")
            .string("ldap_group_unique_attribute_type", "text")
            .string("ldap_groupname_attribute", "cn")
            .string("ldap_groupmembers_attribute", "memberUid")
            .string("ldap_groupmembers_attribute_type", "text")
            .string("ldap_groupmembers_relation_attribute", "uid")
            .string("ldap_group_security_attribute", "zarafaSecurityGroup")
            .string("ldap_group_security_attribute_type", "boolean")
            // companies (manual 6.2)
            .string("ldap_company_search_filter", "")
            // manual 6.2.2.4 sets it for multi-tenancy; the subtree below ldap_search_base is where companies are searched
            .obsolete("ldap_company_scope", "companies are always searched in the whole subtree of ldap_search_base"
                    + " (sub)")
            .string("ldap_company_unique_attribute", "ou")
            .string("ldap_company_unique_attribute_type", "text")
            .string("ldap_companyname_attribute", "ou")
            .string("ldap_company_view_attribute", "zarafaViewPrivilege")
            .string("ldap_company_view_attribute_type", "text")
            .string("ldap_company_view_relation_attribute", "")
            .string("ldap_company_admin_attribute", "zarafaAdminPrivilege")
            .string("ldap_company_admin_attribute_type", "text")
            .string("ldap_company_admin_relation_attribute", "")
            .string("ldap_company_system_admin_attribute", "zarafaSystemAdmin")
            .string("ldap_company_system_admin_attribute_type", "text")
            .string("ldap_company_system_admin_relation_attribute", "")
            // address lists and dynamic groups (manual 5.2.6, 8.6)
            .string("ldap_addresslist_search_filter", "")
            .string("ldap_addresslist_unique_attribute", "cn")
            .string("ldap_addresslist_unique_attribute_type", "text")
            .string("ldap_addresslist_filter_attribute", "zarafaFilter")
            .string("ldap_addresslist_search_base_attribute", "zarafaBase")
            .string("ldap_addresslist_name_attribute", "cn")
            .string("ldap_dynamicgroup_search_filter", "")
            .string("ldap_dynamicgroup_unique_attribute", "cn")
            .string("ldap_dynamicgroup_unique_attribute_type", "text")
            .string("ldap_dynamicgroup_filter_attribute", "zarafaFilter")
            .string("ldap_dynamicgroup_search_base_attribute", "zarafaBase")
            .string("ldap_dynamicgroup_name_attribute", "cn")
            // quota
            .string("ldap_quota_userwarning_recipients_attribute", "zarafaQuotaUserWarningRecipients")
            .string("ldap_quota_userwarning_recipients_attribute_type", "text")
            .string("ldap_quota_userwarning_recipients_relation_attribute", "")
            .string("ldap_quota_companywarning_recipients_attribute", "zarafaQuotaCompanyWarningRecipients")
            .string("ldap_quota_companywarning_recipients_attribute_type", "text")
            .string("ldap_quota_companywarning_recipients_relation_attribute", "")
            .string("ldap_quotaoverride_attribute", "zarafaQuotaOverride")
            .string("ldap_warnquota_attribute", "zarafaQuotaWarn")
            .string("ldap_softquota_attribute", "zarafaQuotaSoft")
            .string("ldap_hardquota_attribute", "zarafaQuotaHard")
            .string("ldap_userdefault_quotaoverride_attribute", "zarafaUserDefaultQuotaOverride")
            .string("ldap_userdefault_warnquota_attribute", "zarafaUserDefaultQuotaWarn")
            .string("ldap_userdefault_softquota_attribute", "zarafaUserDefaultQuotaSoft")
            .string("ldap_userdefault_hardquota_attribute", "zarafaUserDefaultQuotaHard")
            .integer("ldap_quota_multiplier", 1)
            // misc
            .string("ldap_addressbook_hide_attribute", "zarafaHidden")
            .string("ldap_object_search_filter", "")
            .integer("ldap_filter_cutoff_elements", 1000)
            // multi-server (manual 6.3.2)
            .string("ldap_user_server_attribute", "zarafaUserServer")
            .string("ldap_company_server_attribute", "zarafaCompanyServer")
            .string("ldap_server_address_attribute", "ipHostNumber")
            .string("ldap_server_http_port_attribute", "zarafaHttpPort")
            .string("ldap_server_ssl_port_attribute", "zarafaSslPort")
            .string("ldap_server_file_path_attribute", "zarafaFilePath")
            .string("ldap_server_contains_public_attribute", "zarafaContainsPublic")
            .string("ldap_server_search_filter", "")
            .string("ldap_server_unique_attribute", "cn")
            .build();

    /**
     * unix.cfg: the unix user plugin (manual 4.4.2, 8.4; user_plugin = unix, the file named by
     * user_plugin_config). passwd_file, group_file and shadow_file are this platform's additions
     * (the original read /etc/passwd, /etc/group and /etc/shadow only): a chroot or a test names
     * its own.
     */
    public static final ConfigSchema UNIX = ConfigSchema.builder("unix")
            .string("fullname_charset", "iso-8859-15")
            .string("default_domain", "localhost")
            .string("non_login_shell", "/bin/false")
            .integer("min_user_uid", 1000)
            .integer("max_user_uid", 10000)
            .string("except_user_uids", "")
            .integer("min_group_gid", 1000)
            .integer("max_group_gid", 10000)
            .string("except_group_gids", "")
            .string("passwd_file", "/etc/passwd")
            .string("group_file", "/etc/group")
            .string("shadow_file", "/etc/shadow")
            .build();
}
