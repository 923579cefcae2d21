-- The store schema (DESIGN.md "Data model"). Portable between MariaDB/MySQL (InnoDB) and H2 in
-- MySQL mode: times are epoch milliseconds in BIGINT, strings VARCHAR or LONGTEXT, blobs LONGBLOB.

-- Directory objects known to the server: users, groups, companies. The user plugin owns the
-- details; this is the mapping of local ids to the plugin's external ids (manual 8.5.1). For the
-- db plugin the details live in objectproperty/objectmvproperty/objectrelation.
CREATE TABLE users (
    id BIGINT NOT NULL AUTO_INCREMENT,
    externid VARCHAR(255) NOT NULL,
    objectclass INT NOT NULL,
    company_id BIGINT NOT NULL DEFAULT 0,
    signature VARCHAR(255),
    PRIMARY KEY (id),
    UNIQUE (externid, objectclass)
);

CREATE TABLE objectproperty (
    objectid BIGINT NOT NULL,
    propname VARCHAR(64) NOT NULL,
    val VARCHAR(700),
    PRIMARY KEY (objectid, propname)
);
CREATE INDEX objectproperty_name ON objectproperty (propname, val);

CREATE TABLE objectmvproperty (
    objectid BIGINT NOT NULL,
    propname VARCHAR(64) NOT NULL,
    orderid INT NOT NULL,
    val VARCHAR(700),
    PRIMARY KEY (objectid, propname, orderid)
);

-- relationtype: 1 group member, 2 company view, 3 company admin, 6 send-as (REFERENCE.md)
CREATE TABLE objectrelation (
    objectid BIGINT NOT NULL,
    parentobjectid BIGINT NOT NULL,
    relationtype INT NOT NULL,
    PRIMARY KEY (objectid, parentobjectid, relationtype)
);
CREATE INDEX objectrelation_parent ON objectrelation (parentobjectid, relationtype);

-- Stores: private (0), public (1), archive (2). user_id 0 = orphan (user deleted or unhooked).
CREATE TABLE stores (
    id BIGINT NOT NULL AUTO_INCREMENT,
    guid VARCHAR(32) NOT NULL,
    hierarchy_id BIGINT NOT NULL DEFAULT 0,
    user_id BIGINT NOT NULL DEFAULT 0,
    company_id BIGINT NOT NULL DEFAULT 0,
    type INT NOT NULL,
    user_name VARCHAR(255),
    store_size BIGINT NOT NULL DEFAULT 0,
    change_num BIGINT NOT NULL DEFAULT 0,
    last_modified BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE (guid)
);
CREATE INDEX stores_user ON stores (user_id, type);

-- The object tree with hot columns for folder views (type 3 folder, 5 message, 7 attachment).
-- flags: 0x400 soft-deleted, 0x40 associated (hidden) message.
CREATE TABLE hierarchy (
    id BIGINT NOT NULL AUTO_INCREMENT,
    parent_id BIGINT NOT NULL DEFAULT 0,
    store_id BIGINT NOT NULL,
    type INT NOT NULL,
    flags INT NOT NULL DEFAULT 0,
    owner_id BIGINT NOT NULL DEFAULT 0,
    created BIGINT NOT NULL,
    modified BIGINT NOT NULL,
    deleted_at BIGINT,
    change_num BIGINT NOT NULL DEFAULT 0,
    display_name VARCHAR(255),
    container_class VARCHAR(255),
    folder_type INT NOT NULL DEFAULT 0,
    next_uid BIGINT NOT NULL DEFAULT 1,
    imap_uid BIGINT NOT NULL DEFAULT 0,
    message_class VARCHAR(255),
    subject VARCHAR(255),
    sender_name VARCHAR(255),
    delivery_time BIGINT,
    msg_size BIGINT NOT NULL DEFAULT 0,
    msg_flags INT NOT NULL DEFAULT 0,
    attach_num INT NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);
-- folder views: equality on parent, type and flags, then delivery time in index order
CREATE INDEX hierarchy_parent_delivery ON hierarchy (parent_id, type, flags, delivery_time);
CREATE INDEX hierarchy_parent_name ON hierarchy (parent_id, type, display_name);
CREATE INDEX hierarchy_store ON hierarchy (store_id, type);
CREATE INDEX hierarchy_deleted ON hierarchy (deleted_at);

-- Property bags. Strings up to 4000 characters in val_string; longer ones in val_text with a
-- 255-character prefix in val_string for sorting.
CREATE TABLE properties (
    hierarchy_id BIGINT NOT NULL,
    tag INT NOT NULL,
    type INT NOT NULL,
    val_long BIGINT,
    val_double DOUBLE,
    val_string VARCHAR(4000),
    val_text LONGTEXT,
    val_binary LONGBLOB,
    PRIMARY KEY (hierarchy_id, tag)
);

CREATE TABLE mvproperties (
    hierarchy_id BIGINT NOT NULL,
    tag INT NOT NULL,
    orderid INT NOT NULL,
    type INT NOT NULL,
    val_long BIGINT,
    val_double DOUBLE,
    val_string VARCHAR(4000),
    val_binary LONGBLOB,
    PRIMARY KEY (hierarchy_id, tag, orderid)
);

-- Named properties: (guid, id) or (guid, name) -> property id from 0x8500 up.
CREATE TABLE names (
    id INT NOT NULL AUTO_INCREMENT,
    guid VARCHAR(32) NOT NULL,
    nameid INT,
    namestring VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX names_lookup ON names (guid, nameid);

-- Access control: rights of a user or group (users.id) on a store or folder.
CREATE TABLE acl (
    hierarchy_id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    rights INT NOT NULL,
    PRIMARY KEY (hierarchy_id, member_id)
);

-- Attachment content, single instance by SHA-256 (manual 4.6). data is NULL when the content
-- lives under attachment_path.
CREATE TABLE lob (
    hash VARCHAR(64) NOT NULL,
    size BIGINT NOT NULL,
    refcount BIGINT NOT NULL DEFAULT 0,
    storage VARCHAR(16) NOT NULL,
    data LONGBLOB,
    PRIMARY KEY (hash)
);

CREATE TABLE singleinstances (
    hierarchy_id BIGINT NOT NULL,
    hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (hierarchy_id)
);
CREATE INDEX singleinstances_hash ON singleinstances (hash);

-- Change journal per store (ICS, IMAP MODSEQ, CalDAV sync tokens).
-- change_type: 1 add, 2 modify, 4 delete (soft), 8 move out, 16 flags, 32 restore, 64 purge.
CREATE TABLE changes (
    id BIGINT NOT NULL AUTO_INCREMENT,
    store_id BIGINT NOT NULL,
    change_num BIGINT NOT NULL,
    object_id BIGINT NOT NULL,
    parent_id BIGINT NOT NULL,
    object_type INT NOT NULL,
    change_type INT NOT NULL,
    changed BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX changes_store ON changes (store_id, change_num);
CREATE INDEX changes_parent ON changes (parent_id, change_num);

CREATE TABLE receivefolder (
    store_id BIGINT NOT NULL,
    message_class VARCHAR(255) NOT NULL,
    folder_id BIGINT NOT NULL,
    PRIMARY KEY (store_id, message_class)
);

CREATE TABLE settings (
    name VARCHAR(64) NOT NULL,
    val VARCHAR(4000),
    PRIMARY KEY (name)
);

-- Seed objects of every installation: the group Everyone and the internal SYSTEM user.
INSERT INTO users (id, externid, objectclass, company_id) VALUES (1, 'EVERYONE', 196610, 0);
INSERT INTO users (id, externid, objectclass, company_id) VALUES (2, 'SYSTEM', 65537, 0);
INSERT INTO objectproperty (objectid, propname, val) VALUES (1, 'name', 'Everyone');
INSERT INTO objectproperty (objectid, propname, val) VALUES (1, 'fullname', 'Everyone');
INSERT INTO objectproperty (objectid, propname, val) VALUES (2, 'name', 'SYSTEM');
INSERT INTO objectproperty (objectid, propname, val) VALUES (2, 'fullname', 'SYSTEM');
INSERT INTO objectproperty (objectid, propname, val) VALUES (2, 'admin', '2');
