-- The policy store in PostgreSQL (PostgresPolicyStore), applied by Flyway when a replica opens the store.
-- A version and its files never change once written; only the active pointer moves.

create table policy_version (
    id           text        primary key,
    -- The order versions were written in: two published within the same second are listed in that order.
    seq          bigint      generated always as identity unique,
    content_hash text        not null,
    published_by text        not null,
    published_at timestamptz not null,
    comment      text
);

create table policy_version_file (
    version_id text  not null references policy_version (id),
    name       text  not null,
    content    bytea not null,
    primary key (version_id, name)
);

-- One row at most: the version every replica decides by. Publishing locks it (select ... for update) to compare
-- it with the version the draft was based on and move it in the same transaction.
create table policy_active (
    only_row   boolean primary key default true check (only_row),
    version_id text    not null references policy_version (id)
);

-- Every activation, oldest first: which versions were ever active, and when.
create table policy_activation (
    seq          bigint      generated always as identity primary key,
    activated_at timestamptz not null,
    version_id   text        not null references policy_version (id)
);

create table policy_draft (
    id          text        primary key,
    saved_at    timestamptz not null,
    description bytea       not null
);

create table policy_draft_file (
    draft_id text  not null references policy_draft (id) on delete cascade,
    name     text  not null,
    content  bytea not null,
    primary key (draft_id, name)
);
