-- PostgreSQL schema of Asterisk's ps_* realtime tables at alembic head 2285f2ace275,
-- derived from the migrated reference schema (pg_dump --schema-only): enum types used by
-- ps_* columns, the tables, their UNIQUE (id) constraints and indexes.

CREATE TYPE public.ast_bool_values AS ENUM (
    '0',
    '1',
    'off',
    'on',
    'false',
    'true',
    'no',
    'yes'
);

CREATE TYPE public.pjsip_100rel_values_v2 AS ENUM (
    'no',
    'required',
    'peer_supported',
    'yes'
);

CREATE TYPE public.pjsip_auth_type_values_v2 AS ENUM (
    'md5',
    'userpass',
    'google_oauth'
);

CREATE TYPE public.pjsip_cid_privacy_values AS ENUM (
    'allowed_not_screened',
    'allowed_passed_screened',
    'allowed_failed_screened',
    'allowed',
    'prohib_not_screened',
    'prohib_passed_screened',
    'prohib_failed_screened',
    'prohib',
    'unavailable'
);

CREATE TYPE public.pjsip_connected_line_method_values AS ENUM (
    'invite',
    'reinvite',
    'update'
);

CREATE TYPE public.pjsip_direct_media_glare_mitigation_values AS ENUM (
    'none',
    'outgoing',
    'incoming'
);

CREATE TYPE public.pjsip_dtls_setup_values AS ENUM (
    'active',
    'passive',
    'actpass'
);

CREATE TYPE public.pjsip_dtmf_mode_values_v3 AS ENUM (
    'rfc4733',
    'inband',
    'info',
    'auto',
    'auto_info'
);

CREATE TYPE public.pjsip_incoming_call_offer_pref_values AS ENUM (
    'local',
    'local_first',
    'remote',
    'remote_first'
);

CREATE TYPE public.pjsip_media_encryption_values AS ENUM (
    'no',
    'sdes',
    'dtls'
);

CREATE TYPE public.pjsip_outgoing_call_offer_pref_values AS ENUM (
    'local',
    'local_merge',
    'local_first',
    'remote',
    'remote_merge',
    'remote_first'
);

CREATE TYPE public.pjsip_redirect_method_values AS ENUM (
    'user',
    'uri_core',
    'uri_pjsip'
);

CREATE TYPE public.pjsip_t38udptl_ec_values AS ENUM (
    'none',
    'fec',
    'redundancy'
);

CREATE TYPE public.pjsip_taskprocessor_overload_trigger_values AS ENUM (
    'none',
    'global',
    'pjsip_only'
);

CREATE TYPE public.pjsip_timer_values AS ENUM (
    'forced',
    'no',
    'required',
    'yes'
);

CREATE TYPE public.pjsip_transport_method_values_v2 AS ENUM (
    'default',
    'unspecified',
    'tlsv1',
    'tlsv1_1',
    'tlsv1_2',
    'tlsv1_3',
    'sslv2',
    'sslv23',
    'sslv3'
);

CREATE TYPE public.pjsip_transport_protocol_values_v2 AS ENUM (
    'udp',
    'tcp',
    'tls',
    'ws',
    'wss',
    'flow'
);

CREATE TYPE public.security_negotiation_values AS ENUM (
    'no',
    'mediasec'
);

CREATE TYPE public.sha_hash_values AS ENUM (
    'SHA-1',
    'SHA-256'
);

CREATE TABLE public.ps_aors (
    id character varying(255) NOT NULL,
    contact character varying(255),
    default_expiration integer,
    mailboxes character varying(80),
    max_contacts integer,
    minimum_expiration integer,
    remove_existing public.ast_bool_values,
    qualify_frequency integer,
    authenticate_qualify public.ast_bool_values,
    maximum_expiration integer,
    outbound_proxy character varying(255),
    support_path public.ast_bool_values,
    qualify_timeout double precision,
    voicemail_extension character varying(40),
    remove_unavailable public.ast_bool_values,
    qualify_2xx_only public.ast_bool_values
);

CREATE TABLE public.ps_asterisk_publications (
    id character varying(40) NOT NULL,
    devicestate_publish character varying(40),
    mailboxstate_publish character varying(40),
    device_state public.ast_bool_values,
    device_state_filter character varying(256),
    mailbox_state public.ast_bool_values,
    mailbox_state_filter character varying(256)
);

CREATE TABLE public.ps_auths (
    id character varying(255) NOT NULL,
    auth_type public.pjsip_auth_type_values_v2,
    nonce_lifetime integer,
    md5_cred character varying(40),
    password character varying(80),
    realm character varying(255),
    username character varying(40),
    refresh_token character varying(255),
    oauth_clientid character varying(255),
    oauth_secret character varying(255),
    password_digest character varying(1024),
    supported_algorithms_uas character varying(1024),
    supported_algorithms_uac character varying(1024)
);

CREATE TABLE public.ps_contacts (
    id character varying(255) NOT NULL,
    uri character varying(511),
    expiration_time bigint,
    qualify_frequency integer,
    outbound_proxy character varying(255),
    path text,
    user_agent character varying(255),
    qualify_timeout double precision,
    reg_server character varying(255),
    authenticate_qualify public.ast_bool_values,
    via_addr character varying(40),
    via_port integer,
    call_id character varying(255),
    endpoint character varying(255),
    prune_on_boot public.ast_bool_values,
    qualify_2xx_only public.ast_bool_values
);

CREATE TABLE public.ps_domain_aliases (
    id character varying(255) NOT NULL,
    domain character varying(255)
);

CREATE TABLE public.ps_endpoint_id_ips (
    id character varying(255) NOT NULL,
    endpoint character varying(255),
    match character varying(80),
    srv_lookups public.ast_bool_values,
    match_header character varying(255),
    match_request_uri character varying(255)
);

CREATE TABLE public.ps_endpoints (
    id character varying(255) NOT NULL,
    transport character varying(40),
    aors character varying(2048),
    auth character varying(255),
    context character varying(40),
    disallow character varying(200),
    allow character varying(200),
    direct_media public.ast_bool_values,
    connected_line_method public.pjsip_connected_line_method_values,
    direct_media_method public.pjsip_connected_line_method_values,
    direct_media_glare_mitigation public.pjsip_direct_media_glare_mitigation_values,
    disable_direct_media_on_nat public.ast_bool_values,
    dtmf_mode public.pjsip_dtmf_mode_values_v3,
    external_media_address character varying(40),
    force_rport public.ast_bool_values,
    ice_support public.ast_bool_values,
    identify_by character varying(80),
    mailboxes character varying(40),
    moh_suggest character varying(40),
    outbound_auth character varying(255),
    outbound_proxy character varying(255),
    rewrite_contact public.ast_bool_values,
    rtp_ipv6 public.ast_bool_values,
    rtp_symmetric public.ast_bool_values,
    send_diversion public.ast_bool_values,
    send_pai public.ast_bool_values,
    send_rpid public.ast_bool_values,
    timers_min_se integer,
    timers public.pjsip_timer_values,
    timers_sess_expires integer,
    callerid character varying(40),
    callerid_privacy public.pjsip_cid_privacy_values,
    callerid_tag character varying(40),
    "100rel" public.pjsip_100rel_values_v2,
    aggregate_mwi public.ast_bool_values,
    trust_id_inbound public.ast_bool_values,
    trust_id_outbound public.ast_bool_values,
    use_ptime public.ast_bool_values,
    use_avpf public.ast_bool_values,
    media_encryption public.pjsip_media_encryption_values,
    inband_progress public.ast_bool_values,
    call_group character varying(40),
    pickup_group character varying(40),
    named_call_group character varying(40),
    named_pickup_group character varying(40),
    device_state_busy_at integer,
    fax_detect public.ast_bool_values,
    t38_udptl public.ast_bool_values,
    t38_udptl_ec public.pjsip_t38udptl_ec_values,
    t38_udptl_maxdatagram integer,
    t38_udptl_nat public.ast_bool_values,
    t38_udptl_ipv6 public.ast_bool_values,
    tone_zone character varying(40),
    language character varying(40),
    one_touch_recording public.ast_bool_values,
    record_on_feature character varying(40),
    record_off_feature character varying(40),
    rtp_engine character varying(40),
    allow_transfer public.ast_bool_values,
    allow_subscribe public.ast_bool_values,
    sdp_owner character varying(40),
    sdp_session character varying(40),
    tos_audio character varying(10),
    tos_video character varying(10),
    sub_min_expiry integer,
    from_domain character varying(40),
    from_user character varying(40),
    mwi_from_user character varying(40),
    dtls_verify character varying(40),
    dtls_rekey character varying(40),
    dtls_cert_file character varying(200),
    dtls_private_key character varying(200),
    dtls_cipher character varying(200),
    dtls_ca_file character varying(200),
    dtls_ca_path character varying(200),
    dtls_setup public.pjsip_dtls_setup_values,
    srtp_tag_32 public.ast_bool_values,
    media_address character varying(40),
    redirect_method public.pjsip_redirect_method_values,
    set_var text,
    cos_audio integer,
    cos_video integer,
    message_context character varying(40),
    force_avp public.ast_bool_values,
    media_use_received_transport public.ast_bool_values,
    accountcode character varying(80),
    user_eq_phone public.ast_bool_values,
    moh_passthrough public.ast_bool_values,
    media_encryption_optimistic public.ast_bool_values,
    rpid_immediate public.ast_bool_values,
    g726_non_standard public.ast_bool_values,
    rtp_keepalive integer,
    rtp_timeout integer,
    rtp_timeout_hold integer,
    bind_rtp_to_media_address public.ast_bool_values,
    voicemail_extension character varying(40),
    mwi_subscribe_replaces_unsolicited public.ast_bool_values,
    deny character varying(95),
    permit character varying(95),
    acl character varying(40),
    contact_deny character varying(95),
    contact_permit character varying(95),
    contact_acl character varying(40),
    subscribe_context character varying(40),
    fax_detect_timeout integer,
    contact_user character varying(80),
    preferred_codec_only public.ast_bool_values,
    asymmetric_rtp_codec public.ast_bool_values,
    rtcp_mux public.ast_bool_values,
    allow_overlap public.ast_bool_values,
    refer_blind_progress public.ast_bool_values,
    notify_early_inuse_ringing public.ast_bool_values,
    max_audio_streams integer,
    max_video_streams integer,
    webrtc public.ast_bool_values,
    dtls_fingerprint public.sha_hash_values,
    incoming_mwi_mailbox character varying(40),
    bundle public.ast_bool_values,
    dtls_auto_generate_cert public.ast_bool_values,
    follow_early_media_fork public.ast_bool_values,
    accept_multiple_sdp_answers public.ast_bool_values,
    suppress_q850_reason_headers public.ast_bool_values,
    trust_connected_line public.ast_bool_values,
    send_connected_line public.ast_bool_values,
    ignore_183_without_sdp public.ast_bool_values,
    codec_prefs_incoming_offer character varying(128),
    codec_prefs_outgoing_offer character varying(128),
    codec_prefs_incoming_answer character varying(128),
    codec_prefs_outgoing_answer character varying(128),
    stir_shaken public.ast_bool_values,
    send_history_info public.ast_bool_values,
    allow_unauthenticated_options public.ast_bool_values,
    t38_bind_udptl_to_media_address public.ast_bool_values,
    geoloc_incoming_call_profile character varying(80),
    geoloc_outgoing_call_profile character varying(80),
    incoming_call_offer_pref public.pjsip_incoming_call_offer_pref_values,
    outgoing_call_offer_pref public.pjsip_outgoing_call_offer_pref_values,
    stir_shaken_profile character varying(80),
    security_negotiation public.security_negotiation_values,
    security_mechanisms character varying(512),
    send_aoc public.ast_bool_values,
    overlap_context character varying(80),
    tenantid character varying(80),
    suppress_moh_on_sendonly public.ast_bool_values,
    follow_redirect_methods character varying(95),
    rtp_port_start integer,
    rtp_port_end integer
);

CREATE TABLE public.ps_globals (
    id character varying(40) NOT NULL,
    max_forwards integer,
    user_agent character varying(255),
    default_outbound_endpoint character varying(40),
    debug character varying(40),
    endpoint_identifier_order character varying(40),
    max_initial_qualify_time integer,
    default_from_user character varying(80),
    keep_alive_interval integer,
    regcontext character varying(80),
    contact_expiration_check_interval integer,
    default_voicemail_extension character varying(40),
    disable_multi_domain public.ast_bool_values,
    unidentified_request_count integer,
    unidentified_request_period integer,
    unidentified_request_prune_interval integer,
    default_realm character varying(40),
    mwi_tps_queue_high integer,
    mwi_tps_queue_low integer,
    mwi_disable_initial_unsolicited public.ast_bool_values,
    ignore_uri_user_options public.ast_bool_values,
    use_callerid_contact public.ast_bool_values,
    send_contact_status_on_update_registration public.ast_bool_values,
    taskprocessor_overload_trigger public.pjsip_taskprocessor_overload_trigger_values,
    norefersub public.ast_bool_values,
    allow_sending_180_after_183 public.ast_bool_values,
    all_codecs_on_empty_reinvite public.ast_bool_values,
    default_auth_algorithms_uas character varying(1024),
    default_auth_algorithms_uac character varying(1024)
);

CREATE TABLE public.ps_inbound_publications (
    id character varying(255) NOT NULL,
    endpoint character varying(255),
    "event_asterisk-devicestate" character varying(40),
    "event_asterisk-mwi" character varying(40)
);

CREATE TABLE public.ps_outbound_publishes (
    id character varying(255) NOT NULL,
    expiration integer,
    outbound_auth character varying(255),
    outbound_proxy character varying(256),
    server_uri character varying(256),
    from_uri character varying(256),
    to_uri character varying(256),
    event character varying(40),
    max_auth_attempts integer,
    transport character varying(40),
    multi_user public.ast_bool_values,
    "@body" character varying(40),
    "@context" character varying(256),
    "@exten" character varying(256)
);

CREATE TABLE public.ps_registrations (
    id character varying(255) NOT NULL,
    auth_rejection_permanent public.ast_bool_values,
    client_uri character varying(255),
    contact_user character varying(40),
    expiration integer,
    max_retries integer,
    outbound_auth character varying(255),
    outbound_proxy character varying(255),
    retry_interval integer,
    forbidden_retry_interval integer,
    server_uri character varying(255),
    transport character varying(40),
    support_path public.ast_bool_values,
    fatal_retry_interval integer,
    line public.ast_bool_values,
    endpoint character varying(255),
    support_outbound public.ast_bool_values,
    contact_header_params character varying(255),
    max_random_initial_delay integer,
    security_negotiation public.security_negotiation_values,
    security_mechanisms character varying(512),
    user_agent character varying(255)
);

CREATE TABLE public.ps_resource_list (
    id character varying(40) NOT NULL,
    list_item character varying(2048),
    event character varying(40),
    full_state public.ast_bool_values,
    notification_batch_interval integer,
    resource_display_name public.ast_bool_values
);

CREATE TABLE public.ps_subscription_persistence (
    id character varying(40) NOT NULL,
    packet character varying(2048),
    src_name character varying(128),
    src_port integer,
    transport_key character varying(64),
    local_name character varying(128),
    local_port integer,
    cseq integer,
    tag character varying(128),
    endpoint character varying(40),
    expires integer,
    contact_uri character varying(256),
    prune_on_boot public.ast_bool_values,
    generator_data text
);

CREATE TABLE public.ps_systems (
    id character varying(40) NOT NULL,
    timer_t1 integer,
    timer_b integer,
    compact_headers public.ast_bool_values,
    threadpool_initial_size integer,
    threadpool_auto_increment integer,
    threadpool_idle_timeout integer,
    threadpool_max_size integer,
    disable_tcp_switch public.ast_bool_values,
    follow_early_media_fork public.ast_bool_values,
    accept_multiple_sdp_answers public.ast_bool_values,
    disable_rport public.ast_bool_values,
    taskpool_minimum_size integer,
    taskpool_initial_size integer,
    taskpool_auto_increment integer,
    taskpool_idle_timeout integer,
    taskpool_max_size integer
);

CREATE TABLE public.ps_transports (
    id character varying(40) NOT NULL,
    async_operations integer,
    bind character varying(40),
    ca_list_file character varying(200),
    cert_file character varying(200),
    cipher character varying(200),
    domain character varying(40),
    external_media_address character varying(40),
    external_signaling_address character varying(40),
    external_signaling_port integer,
    method public.pjsip_transport_method_values_v2,
    local_net character varying(40),
    password character varying(40),
    priv_key_file character varying(200),
    protocol public.pjsip_transport_protocol_values_v2,
    require_client_cert public.ast_bool_values,
    verify_client public.ast_bool_values,
    verify_server public.ast_bool_values,
    tos character varying(10),
    cos integer,
    allow_reload public.ast_bool_values,
    symmetric_transport public.ast_bool_values,
    allow_wildcard_certs public.ast_bool_values,
    tcp_keepalive_enable boolean,
    tcp_keepalive_idle_time integer,
    tcp_keepalive_interval_time integer,
    tcp_keepalive_probe_count integer,
    external_signaling_hostname character varying(40)
);

ALTER TABLE ONLY public.ps_aors
    ADD CONSTRAINT ps_aors_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_asterisk_publications
    ADD CONSTRAINT ps_asterisk_publications_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_auths
    ADD CONSTRAINT ps_auths_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_contacts
    ADD CONSTRAINT ps_contacts_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_contacts
    ADD CONSTRAINT ps_contacts_uq UNIQUE (id, reg_server);

ALTER TABLE ONLY public.ps_domain_aliases
    ADD CONSTRAINT ps_domain_aliases_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_endpoint_id_ips
    ADD CONSTRAINT ps_endpoint_id_ips_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_endpoints
    ADD CONSTRAINT ps_endpoints_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_globals
    ADD CONSTRAINT ps_globals_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_inbound_publications
    ADD CONSTRAINT ps_inbound_publications_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_outbound_publishes
    ADD CONSTRAINT ps_outbound_publishes_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_registrations
    ADD CONSTRAINT ps_registrations_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_resource_list
    ADD CONSTRAINT ps_resource_list_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_subscription_persistence
    ADD CONSTRAINT ps_subscription_persistence_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_systems
    ADD CONSTRAINT ps_systems_id_key UNIQUE (id);

ALTER TABLE ONLY public.ps_transports
    ADD CONSTRAINT ps_transports_id_key UNIQUE (id);

CREATE INDEX ps_aors_id ON public.ps_aors USING btree (id);

CREATE INDEX ps_aors_qualifyfreq_contact ON public.ps_aors USING btree (qualify_frequency, contact);

CREATE INDEX ps_asterisk_publications_id ON public.ps_asterisk_publications USING btree (id);

CREATE INDEX ps_auths_id ON public.ps_auths USING btree (id);

CREATE INDEX ps_contacts_id ON public.ps_contacts USING btree (id);

CREATE INDEX ps_contacts_qualifyfreq_exp ON public.ps_contacts USING btree (qualify_frequency, expiration_time);

CREATE INDEX ps_domain_aliases_id ON public.ps_domain_aliases USING btree (id);

CREATE INDEX ps_endpoint_id_ips_id ON public.ps_endpoint_id_ips USING btree (id);

CREATE INDEX ps_endpoints_id ON public.ps_endpoints USING btree (id);

CREATE INDEX ps_globals_id ON public.ps_globals USING btree (id);

CREATE INDEX ps_inbound_publications_id ON public.ps_inbound_publications USING btree (id);

CREATE INDEX ps_outbound_publishes_id ON public.ps_outbound_publishes USING btree (id);

CREATE INDEX ps_registrations_id ON public.ps_registrations USING btree (id);

CREATE INDEX ps_resource_list_id ON public.ps_resource_list USING btree (id);

CREATE INDEX ps_subscription_persistence_id ON public.ps_subscription_persistence USING btree (id);

CREATE INDEX ps_systems_id ON public.ps_systems USING btree (id);

CREATE INDEX ps_transports_id ON public.ps_transports USING btree (id);
