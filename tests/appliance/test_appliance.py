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
