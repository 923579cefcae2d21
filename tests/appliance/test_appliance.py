"""What the playbook made of a Debian root file system (testinfra, chroot backend): run by
tests/appliance/chroot.sh as  pytest-3 --hosts=chroot://ROOT tests/appliance/test_appliance.py
with ZCP_EXPECT_MEMORY_GB set to the row of ansible/sizing.yml the play was given."""
import os

import pytest
import yaml

SIZING = os.path.join(os.path.dirname(__file__), "..", "..", "ansible", "sizing.yml")


@pytest.fixture(scope="module")
def row():
    with open(SIZING, encoding="utf-8") as f:
        table = yaml.safe_load(f)
    gb = int(os.environ["ZCP_EXPECT_MEMORY_GB"])
    return next(r for r in table["zcp_sizing"] if r["memory_gb"] == gb), table


def test_the_server_runs_as_its_own_system_user(host):
    user = host.user("zarafa")
    assert user.exists
    assert user.group == "zarafa"
    assert user.uid < 1000
    assert user.shell == "/usr/sbin/nologin"


def test_the_platform_is_under_opt_zarafa_owned_by_root(host):
    launcher = host.file("/opt/zarafa/bin/zarafa-server")
    assert launcher.exists and launcher.user == "root" and launcher.mode & 0o111
    assert host.file("/opt/zarafa/standalone/deployments").user == "zarafa"
    assert host.file("/opt/zarafa/.dist-id").content_string.strip()


def test_the_configuration_is_private_to_root_and_the_server(host):
    etc = host.file("/etc/zarafa")
    assert etc.is_directory and etc.user == "root" and etc.group == "zarafa" and etc.mode == 0o750
    for name in ["server.cfg", "dagent.cfg", "spooler.cfg", "gateway.cfg", "ical.cfg", "webaccess.cfg"]:
        f = host.file("/etc/zarafa/" + name)
        assert f.exists, name
        assert (f.user, f.group, f.mode) == ("root", "zarafa", 0o640), name


def test_server_cfg_has_the_rows_caches_and_the_database(host, row):
    r, _ = row
    cfg = host.file("/etc/zarafa/server.cfg").content_string
    assert f"\ncache_cell_size = {r['cache_cell_size']}\n" in cfg
    assert f"\ncache_object_size = {r['cache_object_size']}\n" in cfg
    assert f"\ncache_indexedobject_size = {r['cache_indexedobject_size']}\n" in cfg
    assert "\nmysql_host = localhost\n" in cfg
    assert "\nmysql_password = " in cfg


def test_mariadb_is_tuned_by_the_hardware_table(host, row):
    r, table = row
    assert host.package("mariadb-server").is_installed
    cnf = host.file("/etc/mysql/mariadb.conf.d/60-zarafa.cnf").content_string
    assert f"innodb_buffer_pool_size = {r['innodb_buffer_pool_size']}\n" in cnf
    assert f"innodb_log_file_size = {r['innodb_log_file_size']}\n" in cnf
    assert f"innodb_log_buffer_size = {table['zcp_innodb_log_buffer_size']}\n" in cnf
    assert f"max_allowed_packet = {table['zcp_max_allowed_packet']}\n" in cnf
    assert "innodb_file_per_table = 1\n" in cnf
    grants = host.file("/etc/mysql/zarafa-grants.sql")
    assert (grants.user, grants.mode) == ("root", 0o600)


def test_the_server_starts_with_the_system(host):
    link = host.file("/etc/systemd/system/multi-user.target.wants/zarafa-server.service")
    assert link.is_symlink and link.linked_to == "/etc/systemd/system/zarafa-server.service"
    unit = host.file("/etc/systemd/system/zarafa-server.service").content_string
    assert "User=zarafa" in unit and "CapabilityBoundingSet=CAP_NET_BIND_SERVICE" in unit
    assert "NoNewPrivileges=yes" in unit and "ProtectSystem=strict" in unit
    assert "ExecReload=/bin/kill -HUP $MAINPID" in unit


def test_the_platform_carries_its_java_runtime_and_version(host):
    java = host.file("/opt/zarafa/jre/bin/java")
    assert java.exists and java.mode & 0o111
    version = host.file("/opt/zarafa/VERSION").content_string
    assert "version=7.1.0\n" in version and "\nschema=" in version
    # the launchers find it without a JDK on the machine (Debian 12 has none that is new enough)
    assert not host.exists("javac")
    # a chroot has no /proc, which the loader needs to resolve the runtime's $ORIGIN; a booted
    # system has it. The launchers, called through their links on the PATH, pick the runtime with
    # no JDK on the machine:
    admin = host.run("LD_LIBRARY_PATH=/opt/zarafa/jre/lib /usr/local/bin/zarafa-admin --help")
    assert admin.rc == 0 and "Usage: zarafa-admin" in admin.stdout, admin.stderr


def test_the_certificate_is_made_at_the_first_boot(host):
    unit = host.file("/etc/systemd/system/zarafa-certificate.service").content_string
    assert "ConditionPathExists=!/etc/zarafa/ssl/appliance.key" in unit
    assert host.file("/etc/systemd/system/multi-user.target.wants/zarafa-certificate.service").is_symlink
    script = host.file("/usr/local/sbin/zarafa-certificate")
    assert script.mode == 0o755
    # none is baked into the image: every machine makes its own key
    assert not host.file("/etc/zarafa/ssl/appliance.key").exists
    gateway = host.file("/etc/zarafa/gateway.cfg").content_string
    assert "\nssl_private_key_file = /etc/zarafa/ssl/appliance.key\n" in gateway
    assert "\nssl_certificate_file = /etc/zarafa/ssl/appliance.pem\n" in gateway


def test_postfix_delivers_the_mail_domains_over_lmtp(host):
    assert host.package("postfix").is_installed
    main = host.file("/etc/postfix/main.cf").content_string
    assert "\nvirtual_mailbox_domains = example.test, example.org\n" in main
    assert "\nvirtual_transport = lmtp:127.0.0.1:2003\n" in main
    assert "\nvirtual_mailbox_maps = socketmap:inet:127.0.0.1:2004:mailbox\n" in main
    assert "\nvirtual_alias_maps = socketmap:inet:127.0.0.1:2004:alias\n" in main
    assert "\nmydestination = localhost\n" in main
    assert "\nmyhostname = zcp.example.test\n" in main
    # an image built in a chroot would otherwise listen on nothing (Debian asks the build machine)
    assert "\ninet_protocols = all\n" in main and "\ninet_interfaces = all\n" in main
    # what Postfix itself makes of it: the configuration parses, the values are the ones in force
    out = host.check_output("postconf -c /etc/postfix virtual_transport virtual_mailbox_domains")
    assert "virtual_transport = lmtp:127.0.0.1:2003" in out


def test_nginx_fronts_the_web_faces_which_listen_on_loopback(host):
    assert host.package("nginx-light").is_installed
    site = host.file("/etc/nginx/sites-enabled/zarafa")
    assert site.is_symlink and not host.file("/etc/nginx/sites-enabled/default").exists
    conf = host.file("/etc/nginx/sites-available/zarafa").content_string
    assert "proxy_pass http://127.0.0.1:8880;" in conf and "proxy_pass http://127.0.0.1:8080;" in conf
    assert "location /zarafa {" in conf and "proxy_pass http://127.0.0.1:236;" in conf
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in conf
    # nginx's own check of the whole configuration, with a throwaway certificate where the
    # appliance's is made at the first boot
    check = host.run("openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=t -keyout /tmp/t.key -out /tmp/t.pem "
                     "2>/dev/null && sed 's#/etc/zarafa/ssl/appliance.pem#/tmp/t.pem#; s#/etc/zarafa/ssl/appliance.key#/tmp/t.key#' "
                     "/etc/nginx/sites-available/zarafa > /tmp/site && sed 's#/etc/nginx/sites-enabled/\\*#/tmp/site#' "
                     "/etc/nginx/nginx.conf > /tmp/nginx.conf && nginx -t -c /tmp/nginx.conf; rm -f /tmp/t.key /tmp/t.pem /tmp/site /tmp/nginx.conf")
    assert check.rc == 0, check.stderr
    web = host.file("/etc/zarafa/webaccess.cfg").content_string
    assert "\nserver_bind = 127.0.0.1\n" in web and "\nhttp_port = 8880\n" in web
    assert "\ntrust_proxy_headers = yes\n" in web
    ical = host.file("/etc/zarafa/ical.cfg").content_string
    assert "\nserver_bind = 127.0.0.1\n" in ical and "\ntrust_proxy_headers = yes\n" in ical
    server = host.file("/etc/zarafa/server.cfg").content_string
    # SOAP stays on the manual's 236 on every address for Outlook: the proxy's headers not trusted
    assert "\nserver_bind = 0.0.0.0\n" in server and "\ntrust_proxy_headers = no\n" in server


def test_every_log_is_rotated_with_a_reload(host):
    rotate = host.file("/etc/logrotate.d/zarafa").content_string
    assert "/var/log/zarafa/*.log {" in rotate
    assert "systemctl reload zarafa-server" in rotate and "su zarafa zarafa" in rotate
    logs = host.file("/var/log/zarafa")
    assert (logs.user, logs.mode) == ("zarafa", 0o700)
    # logrotate's own parse of the file (debug mode rotates nothing)
    check = host.run("logrotate -d /etc/logrotate.d/zarafa")
    assert check.rc == 0 and "error" not in check.stderr.lower(), check.stderr
    for face in ["dagent", "spooler", "gateway", "ical", "webaccess"]:
        cfg = host.file(f"/etc/zarafa/{face}.cfg").content_string
        assert f"\nlog_file = /var/log/zarafa/{face}.log\n" in cfg, face


def test_the_full_backup_runs_nightly(host):
    service = host.file("/etc/systemd/system/zarafa-backup.service").content_string
    assert ("ExecStart=/opt/zarafa/bin/zarafa-fullbackup -c /etc/zarafa/server.cfg --keep 7 /var/backups/zarafa"
            in service)
    timer = host.file("/etc/systemd/system/zarafa-backup.timer").content_string
    assert "OnCalendar=*-*-* 02:30:00" in timer and "Persistent=true" in timer
    assert host.file("/etc/systemd/system/timers.target.wants/zarafa-backup.timer").is_symlink
    backups = host.file("/var/backups/zarafa")
    assert (backups.user, backups.mode) == ("root", 0o700)
    assert host.file("/opt/zarafa/bin/zarafa-fullrestore").mode & 0o111


def test_the_manuals_commands_are_on_the_path(host):
    for tool in ["zarafa-admin", "zarafa-dagent", "zarafa-server", "zarafa-fullbackup", "zarafa-fullrestore"]:
        link = host.file("/usr/local/bin/" + tool)
        assert link.is_symlink and link.linked_to == "/opt/zarafa/bin/" + tool, tool


def test_openldap_with_the_zarafa_schema_only_when_asked(host):
    if not os.environ.get("ZCP_EXPECT_LDAP"):
        assert not host.package("slapd").is_installed
        assert "\nuser_plugin = ldap\n" not in host.file("/etc/zarafa/server.cfg").content_string
        return
    schemas = host.check_output("slapcat -n 0 | grep '^dn: cn={[0-9]*}[a-z]*,cn=schema,cn=config$'")
    assert ",cn=schema,cn=config" in schemas and "}zarafa,cn=schema" in schemas
    assert "dn: dc=example,dc=test" in host.check_output("slapcat -n 1 | grep '^dn:'")
    ldap = host.file("/etc/zarafa/ldap.cfg")
    assert (ldap.user, ldap.group, ldap.mode) == ("root", "zarafa", 0o640)
    cfg = ldap.content_string
    assert "\nldap_uri = ldap://localhost/\n" in cfg and "\nldap_search_base = dc=example,dc=test\n" in cfg
    assert "\nldap_bind_user = cn=admin,dc=example,dc=test\n" in cfg
    server = host.file("/etc/zarafa/server.cfg").content_string
    assert "\nuser_plugin = ldap\n" in server and "\nuser_plugin_config = /etc/zarafa/ldap.cfg\n" in server
