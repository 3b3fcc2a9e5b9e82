-- definitions.sql — what the server enforces for a team pipeline
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by the schema's owner after the numbered migrations, every time
-- its text changes (meta 'definitions' holds its SHA-256), so a fix here
-- needs no new schema version. Everything below can run again: functions
-- are replaced, triggers dropped and made anew, rights revoked and granted
-- anew.
--
-- Who is who: the login (session_user) is the person, through
-- persons.login. current_user is the owner inside the SECURITY DEFINER
-- functions below and the login everywhere else; the guards use it to
-- tell a function's write from a person's own.
--
-- Errors carry an SQLSTATE a client maps back to the C error it mirrors:
--   SFAnn  SfApprovalError nn     (SFA00 NOT_MANAGER … SFA20 FORMER_OWNER)
--   SFWnn  SfWorkflowError nn     (SFW00 BLOCKED, SFW05 NOT_MANUAL,
--                                  SFW06 NOT_REACHED, SFW08 LOST)
--   SFSnn  SfStoreError nn        (SFS08 NOT_FOUND, SFS09 INVALID)
--   SFT01  the login is no active Salesflow person
--   SFT02  only the server's functions write this
--   SFT03  the approval ledger is append-only
--   SFT04  the database cannot hold a team pipeline
-- docs/team.md lists each function, its errors and the notifications.

SET LOCAL search_path TO salesflow;
SET LOCAL client_min_messages TO warning;

-- Plain helpers -------------------------------------------------------------

-- The server's clock, in Unix seconds.
CREATE OR REPLACE FUNCTION sf_now () RETURNS bigint
LANGUAGE sql VOLATILE SET search_path = salesflow, pg_temp
AS $$ SELECT floor(extract(epoch FROM clock_timestamp()))::bigint $$;

-- ISO 4217 minor-unit digits, as sf_currency_get_digits(); NULL when
-- unknown. tests/test-team-server.c compares it with the C table.
CREATE OR REPLACE FUNCTION sf_currency_digits (code text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT SET search_path = salesflow, pg_temp
AS $$
  SELECT CASE
    WHEN code IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF',
                  'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
    WHEN code IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
    WHEN code IN (
      'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD',
      'BDT', 'BGN', 'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD',
      'CDF', 'CHF', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP',
      'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD',
      'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR',
      'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD',
      'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN',
      'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON',
      'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD',
      'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD',
      'TZS', 'UAH', 'USD', 'UYU', 'UZS', 'VES', 'WST', 'XCD', 'YER', 'ZAR', 'ZMW', 'ZWL')
      THEN 2
  END
$$;

-- sf_canonical_escape(): backslash, newline, return, tab and other
-- control characters escaped, UTF-8 kept.
CREATE OR REPLACE FUNCTION sf_escape (value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$
DECLARE
  t text := coalesce(value, '');
  out text := '';
  c text;
BEGIN
  t := replace(t, E'\\', E'\\\\');
  t := replace(t, E'\n', E'\\n');
  t := replace(t, E'\r', E'\\r');
  t := replace(t, E'\t', E'\\t');
  IF t !~ E'[\\x01-\\x1f\\x7f]' THEN
    RETURN t;
  END IF;
  FOREACH c IN ARRAY regexp_split_to_array(t, '') LOOP
    IF ascii(c) < 32 OR ascii(c) = 127 THEN
      out := out || '\x' || lpad(to_hex(ascii(c)), 2, '0');
    ELSE
      out := out || c;
    END IF;
  END LOOP;
  RETURN out;
END
$$;

-- sf_money_to_plain_string(): "-1234.56", the currency's own decimals.
CREATE OR REPLACE FUNCTION sf_money_plain (amount bigint, currency text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = salesflow, pg_temp
AS $$
  SELECT CASE WHEN amount < 0 THEN '-' ELSE '' END ||
         CASE WHEN d = 0 THEN abs(amount::numeric)::text
              ELSE div(abs(amount::numeric), scale)::text || '.' ||
                   lpad(mod(abs(amount::numeric), scale)::text, d, '0')
         END
  FROM (SELECT d, (ARRAY[1, 10, 100, 1000])[d + 1]::numeric AS scale
        FROM (SELECT coalesce(sf_currency_digits(currency), 0) AS d) AS digits) AS money
$$;

-- sf_divide_rounded(): half away from zero; d > 0.
CREATE OR REPLACE FUNCTION sf_divide_rounded (n bigint, d bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT SET search_path = salesflow, pg_temp
AS $$
  SELECT n / d + CASE WHEN abs(n % d) > 0 AND abs(n % d) >= d - abs(n % d)
                      THEN sign(n)::bigint ELSE 0 END
$$;

-- One "key value" line.
CREATE OR REPLACE FUNCTION sf_line (key text, value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT key || ' ' || sf_escape(value) || E'\n' $$;

CREATE OR REPLACE FUNCTION sf_line_optional (key text, value bigint) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT key || ' ' || coalesce(value::text, 'none') || E'\n' $$;

-- The figures a manager approves -------------------------------------------

-- sf_pricing_to_figures() of the deal's pricing and value, byte for byte;
-- NULL when there is no pricing or it breaks a rule.
CREATE OR REPLACE FUNCTION sf_pricing_figures (p_deal_id bigint) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = salesflow, pg_temp
AS $$
DECLARE
  p deal_pricing;
  d deals;
  discount bigint;
  net bigint;
  margin bigint;
BEGIN
  SELECT * INTO p FROM deal_pricing WHERE deal_id = p_deal_id;
  SELECT * INTO d FROM deals WHERE id = p_deal_id;
  IF p.deal_id IS NULL OR d.id IS NULL OR sf_currency_digits(p.currency) IS NULL OR
     p.list_price NOT BETWEEN 0 AND 100000000000000 OR
     p.cost NOT BETWEEN 0 AND 100000000000000 OR p.discount_bp NOT BETWEEN 0 AND 10000 THEN
    RETURN NULL;
  END IF;
  discount := sf_divide_rounded(p.list_price * p.discount_bp, 10000);
  net := p.list_price - discount;
  margin := net - p.cost;
  RETURN sf_line('format', '1') || sf_line('kind', 'pricing') ||
         sf_line('currency', p.currency) || sf_line('deal-currency', d.currency) ||
         sf_line('deal-value', sf_money_plain(d.value, d.currency)) ||
         sf_line('list-price', sf_money_plain(p.list_price, p.currency)) ||
         sf_line('discount-bp', p.discount_bp::text) ||
         sf_line('discount', sf_money_plain(discount, p.currency)) ||
         sf_line('net-price', sf_money_plain(net, p.currency)) ||
         sf_line('cost', sf_money_plain(p.cost, p.currency)) ||
         sf_line('margin', sf_money_plain(margin, p.currency)) ||
         sf_line_optional('margin-bp', CASE WHEN net > 0
                                            THEN sf_divide_rounded(margin * 10000, net) END);
END
$$;

-- sf_roi_to_figures() of the deal's worksheet; NULL when there is none or
-- it breaks a rule.
CREATE OR REPLACE FUNCTION sf_roi_figures (p_deal_id bigint) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = salesflow, pg_temp
AS $$
DECLARE
  r deal_roi;
  c roi_costs;
  lines text := '';
  n integer := 0;
  total bigint := 0;
  margin bigint;
  payback bigint;
BEGIN
  SELECT * INTO r FROM deal_roi WHERE deal_id = p_deal_id;
  IF r.deal_id IS NULL OR sf_currency_digits(r.currency) IS NULL OR
     r.revenue NOT BETWEEN 0 AND 100000000000000 OR r.horizon_months NOT BETWEEN 0 AND 1200 THEN
    RETURN NULL;
  END IF;
  FOR c IN SELECT * FROM roi_costs WHERE deal_id = p_deal_id ORDER BY position LOOP
    n := n + 1;
    IF n > 100 OR c.label = '' OR char_length(c.label) > 200 OR
       c.amount NOT BETWEEN 0 AND 100000000000000 THEN
      RETURN NULL;
    END IF;
    total := total + c.amount;
    IF total > 100000000000000 THEN
      RETURN NULL;
    END IF;
    lines := lines || sf_line('cost-amount', sf_money_plain(c.amount, r.currency)) ||
             sf_line('cost-label', c.label);
  END LOOP;
  margin := r.revenue - total;
  IF r.horizon_months > 0 AND r.revenue > 0 AND total <= r.revenue THEN
    payback := (total * r.horizon_months * 10) / r.revenue +
               CASE WHEN (total * r.horizon_months * 10) % r.revenue <> 0 THEN 1 ELSE 0 END;
  END IF;
  RETURN sf_line('format', '1') || sf_line('kind', 'roi') || sf_line('currency', r.currency) ||
         sf_line('revenue', sf_money_plain(r.revenue, r.currency)) ||
         sf_line('horizon-months', r.horizon_months::text) ||
         sf_line('cost-lines', n::text) || lines ||
         sf_line('total-cost', sf_money_plain(total, r.currency)) ||
         sf_line('margin', sf_money_plain(margin, r.currency)) ||
         sf_line_optional('margin-bp', CASE WHEN r.revenue > 0
                                            THEN sf_divide_rounded(margin * 10000, r.revenue) END) ||
         sf_line_optional('roi-bp', CASE WHEN total > 0
                                         THEN sf_divide_rounded(margin * 10000, total) END) ||
         sf_line_optional('payback-tenths', payback);
END
$$;

-- The figures of @kind (0 pricing, 1 ROI) as a request made now would
-- record them; what sf_store_get_figures() gives.
CREATE OR REPLACE FUNCTION sf_figures (p_deal_id bigint, p_kind integer) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
  SELECT CASE p_kind WHEN 0 THEN sf_pricing_figures(p_deal_id)
                     WHEN 1 THEN sf_roi_figures(p_deal_id) END
$$;

-- People ---------------------------------------------------------------------

-- The person the login is, or NULL.
CREATE OR REPLACE FUNCTION sf_actor () RETURNS persons
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$ SELECT * FROM persons WHERE login = session_user $$;

-- The person using this connection: id, name, role (1 manager), active.
CREATE OR REPLACE FUNCTION sf_whoami (OUT id bigint, OUT name text, OUT role integer,
                                      OUT active integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$ SELECT id, name, role, active FROM persons WHERE login = session_user $$;

-- The person's id for a write by a login, refusing a login that is no
-- active person.
CREATE OR REPLACE FUNCTION sf_actor_id () RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  me persons := sf_actor();
BEGIN
  IF me.id IS NULL OR me.active <> 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFT01',
      MESSAGE = format('The login %s is no active person of this pipeline', session_user);
  END IF;
  RETURN me.id;
END
$$;

-- A manager decides: the role in the pipeline and the database group both.
CREATE OR REPLACE FUNCTION sf_is_manager (p persons) RETURNS boolean
LANGUAGE sql STABLE SET search_path = salesflow, pg_temp
AS $$
  SELECT CASE WHEN p.id IS NOT NULL AND p.role = 1 AND
                   EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p.login)
              THEN pg_has_role(p.login::name, 'salesflow_manager', 'MEMBER')
              ELSE false END
$$;

-- Whether the writer is the schema's owner: a SECURITY DEFINER function
-- of this file, or the owner at work (migrations, moving a file to the
-- server).
CREATE OR REPLACE FUNCTION sf_by_owner () RETURNS boolean
LANGUAGE sql STABLE SET search_path = salesflow, pg_temp
AS $$
  SELECT coalesce((SELECT n.nspowner = r.oid FROM pg_namespace n, pg_roles r
                    WHERE n.nspname = 'salesflow' AND r.rolname = current_user), false)
$$;

-- The owner maps a login to a new person and puts it in its group.
CREATE OR REPLACE FUNCTION sf_admin_add_person (p_login text, p_name text, p_manager boolean)
RETURNS bigint
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  new_id bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFS09',
      MESSAGE = format('There is no login %s; CREATE ROLE it first', p_login);
  END IF;
  INSERT INTO persons (name, role, active, created_at, login)
  VALUES (btrim(p_name), CASE WHEN p_manager THEN 1 ELSE 0 END, 1, sf_now(), p_login)
  RETURNING id INTO new_id;
  EXECUTE format('GRANT %I TO %I',
                 CASE WHEN p_manager THEN 'salesflow_manager' ELSE 'salesflow_salesperson' END,
                 p_login);
  RETURN new_id;
END
$$;

-- Requests and the ledger ----------------------------------------------------

CREATE OR REPLACE FUNCTION sf_kind_key (kind integer) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT CASE kind WHEN 0 THEN 'pricing' WHEN 1 THEN 'roi' END $$;

CREATE OR REPLACE FUNCTION sf_status_key (status integer) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT (ARRAY['pending', 'approved', 'rejected', 'recalled', 'voided'])[status + 1] $$;

-- The checklist job an approval of @kind ticks (SfJobKind).
CREATE OR REPLACE FUNCTION sf_job_kind (kind integer) RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT CASE kind WHEN 1 THEN 2 ELSE 1 END $$;

-- Empty and blank notes and comments are stored as none (clean_text()).
CREATE OR REPLACE FUNCTION sf_clean_text (value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$ SELECT nullif(btrim(coalesce(value, ''), E' \t\n\r\f\x0B'), '') $$;

-- has_text(): anything that is not Unicode white space.
CREATE OR REPLACE FUNCTION sf_has_text (value text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$
  SELECT coalesce(value, '') ~
    E'[^\\x09\\x0a\\x0c\\x0d\\x20\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
$$;

CREATE OR REPLACE FUNCTION sf_latest_request (p_deal_id bigint, p_kind integer)
RETURNS approval_requests
LANGUAGE sql STABLE SET search_path = salesflow, pg_temp
AS $$
  SELECT * FROM approval_requests WHERE deal_id = p_deal_id AND kind = p_kind
  ORDER BY id DESC LIMIT 1
$$;

-- sf_store_ledger_append(): one entry holding the request as it now
-- stands, chained to the entry before; under one lock for the whole
-- ledger, taken after the deal's row lock.
CREATE OR REPLACE FUNCTION sf_ledger_append (p_request_id bigint, p_event text, p_by bigint,
                                             p_at bigint)
RETURNS bigint
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  r approval_requests;
  last_seq bigint;
  prev text;
  content text;
BEGIN
  PERFORM pg_advisory_xact_lock(1397115991, 1);
  SELECT * INTO r FROM approval_requests WHERE id = p_request_id;
  SELECT seq, hash INTO last_seq, prev FROM approval_ledger ORDER BY seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  prev := coalesce(prev, repeat('0', 64));
  content := sf_line('format', '1') || sf_line('seq', (last_seq + 1)::text) ||
             sf_line('at', p_at::text) || sf_line('event', p_event) ||
             sf_line('by', greatest(coalesce(p_by, 0), 0)::text) ||
             sf_line('request', r.id::text) || sf_line('deal', r.deal_id::text) ||
             sf_line('kind', sf_kind_key(r.kind)) || sf_line('status', sf_status_key(r.status)) ||
             sf_line('requester', r.requester_id::text) ||
             sf_line('addressed-to', coalesce(r.addressed_to, 0)::text) ||
             sf_line('requested-at', r.requested_at::text) ||
             sf_line('decider', coalesce(r.decider_id, 0)::text) ||
             sf_line('decided-at', coalesce(r.decided_at, 0)::text) ||
             sf_line('note', r.note) || sf_line('comment', r.comment) ||
             sf_line('figures', r.figures);
  INSERT INTO approval_ledger (seq, content, prev_hash, hash)
  VALUES (last_seq + 1, content, prev,
          encode(sha256(convert_to(prev || E'\n' || content, 'UTF8')), 'hex'));
  UPDATE approval_requests SET ledger_seq = last_seq + 1 WHERE id = p_request_id;
  RETURN last_seq + 1;
END
$$;

-- sf_store_refresh_progress()
CREATE OR REPLACE FUNCTION sf_refresh_progress (p_deal_id bigint) RETURNS void
LANGUAGE sql SET search_path = salesflow, pg_temp
AS $$
  UPDATE deals SET
    progress_done = (SELECT count(*) FROM jobs j WHERE j.deal_id = deals.id
                     AND j.stage = deals.stage AND j.required = 1 AND j.done = 1),
    progress_required = (SELECT count(*) FROM jobs j WHERE j.deal_id = deals.id
                         AND j.stage = deals.stage AND j.required = 1)
  WHERE id = p_deal_id
$$;

-- Locks the deal's row for the rest of the transaction; every function
-- and trigger here takes it before the ledger's lock.
CREATE OR REPLACE FUNCTION sf_lock_deal (p_deal_id bigint) RETURNS deals
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  d deals;
BEGIN
  SELECT * INTO d FROM deals WHERE id = p_deal_id FOR UPDATE;
  IF d.id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SFS08', MESSAGE = 'The deal no longer exists';
  END IF;
  RETURN d;
END
$$;

-- check_job_reached(): the deal is not lost and has reached the stage of
-- the job an approval of @kind ticks.
CREATE OR REPLACE FUNCTION sf_check_job_reached (d deals, p_kind integer) RETURNS void
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  job_stage integer;
BEGIN
  FOR job_stage IN SELECT stage FROM jobs WHERE deal_id = d.id AND kind = sf_job_kind(p_kind)
                   ORDER BY stage, position LOOP
    IF d.status = 2 THEN
      RAISE EXCEPTION USING ERRCODE = 'SFW08', MESSAGE = 'The deal is lost; restore it first';
    END IF;
    IF job_stage > d.stage THEN
      RAISE EXCEPTION USING ERRCODE = 'SFW06',
        MESSAGE = format('This job belongs to the %s stage, which the deal has not reached',
                         (ARRAY['Prospect', 'Qualified', 'Discovery', 'Developed', 'Proposed',
                                'Closed'])[job_stage + 1]);
    END IF;
  END LOOP;
END
$$;

-- Sets the approval jobs of @kind done (by, at) or open, and the progress.
CREATE OR REPLACE FUNCTION sf_write_approval_jobs (p_deal_id bigint, p_kind integer,
                                                   p_done boolean, p_by bigint, p_at bigint)
RETURNS void
LANGUAGE sql SET search_path = salesflow, pg_temp
AS $$
  UPDATE jobs SET done = CASE WHEN p_done THEN 1 ELSE 0 END,
                  done_by = CASE WHEN p_done THEN p_by END,
                  done_at = CASE WHEN p_done THEN p_at END
  WHERE deal_id = p_deal_id AND kind = sf_job_kind(p_kind);
  SELECT sf_refresh_progress(p_deal_id);
$$;

CREATE OR REPLACE FUNCTION sf_history (p_deal_id bigint, p_at bigint, p_person bigint,
                                       p_field text, p_old text, p_new text)
RETURNS void
LANGUAGE sql SET search_path = salesflow, pg_temp
AS $$
  INSERT INTO history (deal_id, at, person_id, field, old_value, new_value)
  VALUES (p_deal_id, p_at, p_person, p_field, p_old, p_new)
$$;

-- A standing approval becomes voided: its job reopens, the history and
-- the ledger say so.
-- @why: NULL for changed figures, 'owner' when the deal passed to the
-- manager who approved (the history's new_value, as the store writes it).
DROP FUNCTION IF EXISTS sf_void (approval_requests, bigint, bigint);
CREATE OR REPLACE FUNCTION sf_void (r approval_requests, p_by bigint, p_at bigint,
                                    p_why text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  UPDATE approval_requests SET status = 4 WHERE id = r.id;
  PERFORM sf_write_approval_jobs(r.deal_id, r.kind, false, NULL, NULL);
  PERFORM sf_history(r.deal_id, p_at, p_by, 'approval-voided', sf_kind_key(r.kind), p_why);
  PERFORM sf_ledger_append(r.id, 'voided', p_by, p_at);
END
$$;

-- sf_store_void_if_changed(): after the deal's figures of @kind were
-- written, a standing approval of other figures is voided.
CREATE OR REPLACE FUNCTION sf_void_if_changed (p_deal_id bigint, p_kind integer)
RETURNS void
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  latest approval_requests := sf_latest_request(p_deal_id, p_kind);
BEGIN
  IF latest.id IS NULL OR latest.status <> 1 OR
     sf_figures(p_deal_id, p_kind) IS NOT DISTINCT FROM latest.figures THEN
    RETURN;
  END IF;
  PERFORM sf_void(latest, (sf_actor()).id, sf_now());
END
$$;

-- S1's first rule (docs/approvals.md, "Owners over the deal's life"):
-- whether @person owned the deal at any moment since its figures of @kind
-- last changed — at that change, or by becoming its owner after it; with
-- no change recorded, at any moment. The file reads this from the
-- history the client writes; the server from owner_log and figures_log,
-- which only its triggers write, in the order of change_seq.
CREATE OR REPLACE FUNCTION sf_owned_since_change (p_deal_id bigint, p_kind integer,
                                                  p_person bigint)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = salesflow, pg_temp
AS $$
  WITH change AS (
    SELECT coalesce(max(id), 0) AS id FROM figures_log WHERE deal_id = p_deal_id AND kind = p_kind
  )
  SELECT EXISTS (SELECT 1 FROM owner_log o, change
                 WHERE o.deal_id = p_deal_id AND o.owner_id = p_person AND o.id > change.id)
      OR coalesce((SELECT o.owner_id FROM owner_log o, change
                   WHERE o.deal_id = p_deal_id AND o.id < change.id
                   ORDER BY o.id DESC LIMIT 1) = p_person, false)
$$;

-- The approval actions a client calls ---------------------------------------

-- sf_store_request_approval(): the login asks for approval of the deal's
-- figures of @kind as the server computes them now. Returns the new
-- request's id.
CREATE OR REPLACE FUNCTION sf_request_approval (p_deal_id bigint, p_kind integer,
                                                p_addressed_to bigint DEFAULT NULL,
                                                p_note text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  d deals;
  me persons := sf_actor();
  addressee persons;
  latest approval_requests;
  figs text;
  at_ bigint;
  new_id bigint;
  v_note text := sf_clean_text(p_note);
BEGIN
  IF p_kind IS NULL OR p_kind NOT IN (0, 1) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFS09', MESSAGE = 'There is no such kind of approval';
  END IF;
  d := sf_lock_deal(p_deal_id);

  IF me.id IS NULL OR me.active <> 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA16',
      MESSAGE = 'Choose who is using Salesflow before asking for approval';
  END IF;
  IF coalesce(p_addressed_to, 0) > 0 THEN
    SELECT * INTO addressee FROM persons WHERE id = p_addressed_to;
    IF addressee.id IS NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'SFS08', MESSAGE = 'The person no longer exists';
    END IF;
    IF addressee.active <> 1 OR NOT sf_is_manager(addressee) THEN
      RAISE EXCEPTION USING ERRCODE = 'SFA17',
        MESSAGE = 'Only an active manager can be asked for approval';
    END IF;
    IF addressee.id = d.owner_id OR addressee.id = me.id THEN
      RAISE EXCEPTION USING ERRCODE = 'SFA17',
        MESSAGE = 'Ask a manager who neither owns the deal nor asks for the approval';
    END IF;
    IF sf_owned_since_change(d.id, p_kind, addressee.id) THEN
      RAISE EXCEPTION USING ERRCODE = 'SFA17',
        MESSAGE = 'Ask a manager who has not owned the deal since these figures were last changed';
    END IF;
  END IF;

  latest := sf_latest_request(d.id, p_kind);
  figs := sf_figures(d.id, p_kind);
  IF d.status = 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFW08', MESSAGE = 'The deal is lost; restore it first';
  END IF;
  IF figs IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA15',
      MESSAGE = CASE p_kind WHEN 1 THEN 'Fill in the ROI worksheet before asking for its approval'
                            ELSE 'Enter the pricing before asking for its approval' END;
  END IF;
  IF latest.status = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA13',
      MESSAGE = 'A request for approval is already waiting for a manager';
  END IF;
  IF latest.status = 1 AND latest.figures = figs THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA14', MESSAGE = 'These figures are already approved';
  END IF;
  PERFORM sf_check_job_reached(d, p_kind);

  at_ := sf_now();
  INSERT INTO approval_requests (deal_id, kind, status, requester_id, addressed_to, note,
                                 figures, requested_at)
  VALUES (d.id, p_kind, 0, me.id, nullif(p_addressed_to, 0), v_note, figs, at_)
  RETURNING id INTO new_id;
  PERFORM sf_history(d.id, at_, me.id, 'approval-requested', sf_kind_key(p_kind), v_note);
  PERFORM sf_ledger_append(new_id, 'requested', me.id, at_);
  RETURN new_id;
END
$$;

-- sf_store_decide() without the passphrase: the login is the manager
-- (the database checked the password). Approving ticks the approval job
-- with the manager and the server's time. Returns the ledger entry.
CREATE OR REPLACE FUNCTION sf_decide (p_request_id bigint, p_approve boolean,
                                      p_comment text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  r approval_requests;
  d deals;
  me persons := sf_actor();
  figs text;
  at_ bigint;
  v_comment text := sf_clean_text(p_comment);
BEGIN
  SELECT deal_id INTO r.deal_id FROM approval_requests WHERE id = p_request_id;
  IF r.deal_id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SFS08', MESSAGE = 'The request for approval no longer exists';
  END IF;
  d := sf_lock_deal(r.deal_id);
  SELECT * INTO r FROM approval_requests WHERE id = p_request_id FOR UPDATE;

  IF r.status <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA04',
      MESSAGE = 'This request is no longer pending; it was already decided, recalled or voided';
  END IF;
  IF NOT coalesce(sf_is_manager(me), false) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA00', MESSAGE = 'Only a manager can approve or reject';
  END IF;
  IF me.active <> 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA01',
      MESSAGE = 'This manager has been deactivated and can no longer decide';
  END IF;
  IF me.id = d.owner_id THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA02',
      MESSAGE = 'Nobody can decide on a deal they own; ask another manager';
  END IF;
  IF me.id = r.requester_id THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA03',
      MESSAGE = 'Nobody can decide on their own request; ask another manager';
  END IF;
  IF sf_owned_since_change(d.id, r.kind, me.id) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA20',
      MESSAGE = 'Nobody can decide on figures that stood while they owned the deal; ask another manager';
  END IF;

  IF p_approve THEN
    PERFORM sf_check_job_reached(d, r.kind);
    figs := sf_figures(d.id, r.kind);
  END IF;
  IF NOT p_approve AND NOT sf_has_text(v_comment) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA06', MESSAGE = 'Say why the request is rejected';
  END IF;
  IF p_approve AND figs IS DISTINCT FROM r.figures THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA07',
      MESSAGE = 'The figures changed after approval was requested; they cannot be approved';
  END IF;

  at_ := sf_now();
  UPDATE approval_requests
  SET status = CASE WHEN p_approve THEN 1 ELSE 2 END, decider_id = me.id, decided_at = at_,
      comment = v_comment
  WHERE id = r.id;
  IF p_approve THEN
    PERFORM sf_write_approval_jobs(d.id, r.kind, true, me.id, at_);
  END IF;
  UPDATE deals SET updated_at = at_ WHERE id = d.id;
  PERFORM sf_history(d.id, at_, me.id,
                     CASE WHEN p_approve THEN 'approval-approved' ELSE 'approval-rejected' END,
                     sf_kind_key(r.kind), v_comment);
  RETURN sf_ledger_append(r.id, CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END,
                          me.id, at_);
END
$$;

-- sf_store_recall_request(): the requester takes a pending request back.
-- Returns the ledger entry.
CREATE OR REPLACE FUNCTION sf_recall_request (p_request_id bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  r approval_requests;
  me persons := sf_actor();
  at_ bigint;
BEGIN
  SELECT deal_id INTO r.deal_id FROM approval_requests WHERE id = p_request_id;
  IF r.deal_id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'SFS08', MESSAGE = 'The request for approval no longer exists';
  END IF;
  PERFORM sf_lock_deal(r.deal_id);
  SELECT * INTO r FROM approval_requests WHERE id = p_request_id FOR UPDATE;

  IF r.status <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA04', MESSAGE = 'Only a pending request can be recalled';
  END IF;
  IF me.id IS NULL OR me.id <> r.requester_id THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA05',
      MESSAGE = 'Only the person who asked for approval can recall the request';
  END IF;

  at_ := sf_now();
  UPDATE approval_requests SET status = 3, decider_id = NULL, decided_at = at_, comment = NULL
  WHERE id = r.id;
  PERFORM sf_history(r.deal_id, at_, me.id, 'approval-recalled', sf_kind_key(r.kind), NULL);
  RETURN sf_ledger_append(r.id, 'recalled', me.id, at_);
END
$$;

-- Triggers: guards ------------------------------------------------------------

-- Requests are written only by the functions above.
CREATE OR REPLACE FUNCTION sf_guard_owner_only () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF NOT sf_by_owner() THEN
    RAISE EXCEPTION USING ERRCODE = 'SFT02',
      MESSAGE = format('%s is written only by the server''s approval functions', TG_TABLE_NAME);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

-- The ledger: appended by the functions, never changed, not even by the
-- owner (who could only drop this trigger first; docs/team.md).
CREATE OR REPLACE FUNCTION sf_guard_ledger () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' AND sf_by_owner() THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'SFT03',
    MESSAGE = format('The approval ledger is append-only: %s refused', TG_OP);
END
$$;

-- Approval jobs are ticked and unticked only by the functions: nobody
-- else changes their kind, stage, requirement or state, deletes them, or
-- adds one ticked. A tick of another job carries the login's person.
CREATE OR REPLACE FUNCTION sf_guard_jobs () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF sf_by_owner() THEN
    IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.kind IN (1, 2) THEN
      RAISE EXCEPTION USING ERRCODE = 'SFW05',
        MESSAGE = 'This job is done only by a manager’s approval';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.kind IN (1, 2) AND
       (NEW.done <> 0 OR NEW.done_by IS NOT NULL OR NEW.done_at IS NOT NULL OR
        NEW.required < coalesce((SELECT max(required) FROM template_jobs
                                 WHERE kind = NEW.kind AND hidden = 0), 1)) THEN
      RAISE EXCEPTION USING ERRCODE = 'SFW05',
        MESSAGE = 'This job is done only by a manager’s approval';
    END IF;
  ELSIF (OLD.kind IN (1, 2) OR NEW.kind IN (1, 2)) AND
        (NEW.kind, NEW.stage, NEW.required, NEW.done, NEW.deal_id)
          IS DISTINCT FROM (OLD.kind, OLD.stage, OLD.required, OLD.done, OLD.deal_id) OR
        (OLD.kind IN (1, 2) AND (NEW.done_by, NEW.done_at)
                                  IS DISTINCT FROM (OLD.done_by, OLD.done_at)) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFW05',
      MESSAGE = 'This job is done only by a manager’s approval';
  END IF;
  IF NEW.done = 1 AND (TG_OP = 'INSERT' OR OLD.done = 0 OR
                       NEW.done_by IS DISTINCT FROM OLD.done_by) THEN
    NEW.done_by := sf_actor_id();
  END IF;
  RETURN NEW;
END
$$;

-- The template's approval jobs stay as they are for everyone but the
-- owner, so a new deal cannot be made without them.
CREATE OR REPLACE FUNCTION sf_guard_template () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF sf_by_owner() THEN
    IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
  END IF;
  IF (TG_OP <> 'INSERT' AND OLD.kind IN (1, 2) AND
      (TG_OP = 'DELETE' OR (NEW.kind, NEW.stage, NEW.required, NEW.hidden)
                             IS DISTINCT FROM (OLD.kind, OLD.stage, OLD.required, OLD.hidden))) OR
     (TG_OP <> 'DELETE' AND NEW.kind IN (1, 2) AND (TG_OP = 'INSERT' OR OLD.kind NOT IN (1, 2))) THEN
    RAISE EXCEPTION USING ERRCODE = 'SFW05',
      MESSAGE = 'The approval jobs of the checklist are changed only by the server’s owner';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

-- A deal moves past an approval job's stage, or is won, only with that
-- job done; a job the deal lacks counts by the template's.
CREATE OR REPLACE FUNCTION sf_guard_deal_progress () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF sf_by_owner() OR NOT (NEW.stage > OLD.stage OR (NEW.status = 1 AND OLD.status <> 1)) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM jobs j
             WHERE j.deal_id = NEW.id AND j.kind IN (1, 2) AND j.required = 1 AND j.done = 0
               AND (j.stage < NEW.stage OR (NEW.status = 1 AND j.stage <= NEW.stage))) OR
     EXISTS (SELECT 1 FROM template_jobs t
             WHERE t.kind IN (1, 2) AND t.hidden = 0 AND t.required = 1
               AND (t.stage < NEW.stage OR (NEW.status = 1 AND t.stage <= NEW.stage))
               AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.deal_id = NEW.id AND j.kind = t.kind))
  THEN
    RAISE EXCEPTION USING ERRCODE = 'SFW00',
      MESSAGE = 'A manager’s approval is missing; the deal cannot move on without it';
  END IF;
  RETURN NEW;
END
$$;

-- Figures waiting for a manager are locked (sf_approval_check_unlocked()).
CREATE OR REPLACE FUNCTION sf_guard_figures_locked () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  v_deal bigint;
  v_kind integer := TG_ARGV[0]::integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    v_deal := OLD.deal_id;
  ELSE
    v_deal := NEW.deal_id;
  END IF;
  PERFORM sf_lock_deal(v_deal);
  IF (sf_latest_request(v_deal, v_kind)).status = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA12',
      MESSAGE = CASE v_kind
        WHEN 1 THEN 'The ROI worksheet waits for a manager’s approval; recall the request to change it'
        ELSE 'The pricing waits for a manager’s approval; recall the request to change it' END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

-- The deal's value is part of the pricing's figures.
CREATE OR REPLACE FUNCTION sf_guard_value_locked () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF (sf_latest_request(NEW.id, 0)).status = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'SFA12',
      MESSAGE = 'The pricing waits for a manager’s approval; recall the request to change it';
  END IF;
  RETURN NEW;
END
$$;

-- History rows carry the person the server knows.
CREATE OR REPLACE FUNCTION sf_stamp_history () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF NOT sf_by_owner() THEN
    NEW.person_id := sf_actor_id();
  END IF;
  RETURN NEW;
END
$$;

-- feedback.recorded_by, follow_ups.done_by, verdicts.decided_by: the
-- login's person, whatever the client wrote.
CREATE OR REPLACE FUNCTION sf_stamp_person () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
BEGIN
  IF sf_by_owner() THEN
    RETURN NEW;
  END IF;
  CASE TG_TABLE_NAME
    WHEN 'feedback' THEN
      NEW.recorded_by := sf_actor_id();
    WHEN 'verdicts' THEN
      NEW.decided_by := sf_actor_id();
    WHEN 'follow_ups' THEN
      IF NEW.done_at IS NOT NULL AND
         (TG_OP = 'INSERT' OR (NEW.done_at, NEW.done_by) IS DISTINCT FROM (OLD.done_at, OLD.done_by)) THEN
        NEW.done_by := sf_actor_id();
      END IF;
  END CASE;
  RETURN NEW;
END
$$;

-- Triggers: what the server records ------------------------------------------

-- Every owner a deal has, and S1's second rule (docs/approvals.md,
-- "Owners over the deal's life"): an approval stands no longer once the
-- deal passes to the manager who gave it.
CREATE OR REPLACE FUNCTION sf_track_owner () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  r approval_requests;
  at_ bigint := sf_now();
BEGIN
  INSERT INTO owner_log (deal_id, owner_id, at) VALUES (NEW.id, NEW.owner_id, at_);
  IF TG_OP = 'UPDATE' AND NEW.owner_id IS NOT NULL THEN
    FOR kind IN 0..1 LOOP
      r := sf_latest_request(NEW.id, kind);
      IF r.status = 1 AND NEW.owner_id = r.decider_id THEN
        PERFORM sf_void(r, (sf_actor()).id, at_, 'owner');
      END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

-- Every change of the figures, and the voiding of an approval of other
-- figures, in the same transaction as the change.
CREATE OR REPLACE FUNCTION sf_track_figures () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesflow, pg_temp
AS $$
DECLARE
  v_kind integer := TG_ARGV[0]::integer;
  v_deal bigint;
BEGIN
  IF TG_TABLE_NAME = 'deals' THEN
    v_deal := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    v_deal := OLD.deal_id;
  ELSE
    v_deal := NEW.deal_id;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM deals WHERE id = v_deal) THEN
    RETURN NULL;   -- the deal itself is being deleted
  END IF;
  PERFORM sf_lock_deal(v_deal);
  INSERT INTO figures_log (deal_id, kind, at) VALUES (v_deal, v_kind, sf_now());
  PERFORM sf_void_if_changed(v_deal, v_kind);
  RETURN NULL;
END
$$;

-- Change notification: one channel, ids only --------------------------------

-- NOTIFY salesflow, 'TABLE OP ID DEAL': TABLE as below, OP I, U or D, ID the
-- row's id (its seq for the ledger, its position for roi_costs, its stage
-- for stage_settings, the deal's id for deal_pricing, deal_roi and
-- verdicts), DEAL the deal it belongs to, 0 for none. A statement that
-- writes more than 100 rows of a table (INSERT … SELECT, say) sends one
-- 'TABLE R 0 0' instead: reload that table. docs/team.md.
CREATE OR REPLACE FUNCTION sf_notify_payload (p_table text, p_op text, j jsonb) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = salesflow, pg_temp
AS $$
  SELECT p_table || ' ' || p_op || ' ' ||
         coalesce(j ->> 'id', j ->> 'seq', j ->> 'position', j ->> 'stage', j ->> 'deal_id', '0')
         || ' ' ||
         coalesce(j ->> 'deal_id', CASE p_table WHEN 'deals' THEN j ->> 'id' END, '0')
$$;

CREATE OR REPLACE FUNCTION sf_notify () RETURNS trigger
LANGUAGE plpgsql SET search_path = salesflow, pg_temp
AS $$
DECLARE
  j jsonb;
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM sf_old_rows;
  ELSE
    SELECT count(*) INTO n FROM sf_new_rows;
  END IF;
  IF n > 100 THEN
    PERFORM pg_notify('salesflow', TG_TABLE_NAME || ' R 0 0');
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    FOR j IN SELECT to_jsonb(t) FROM sf_old_rows t LOOP
      PERFORM pg_notify('salesflow', sf_notify_payload(TG_TABLE_NAME, 'D', j));
    END LOOP;
  ELSE
    FOR j IN SELECT to_jsonb(t) FROM sf_new_rows t LOOP
      PERFORM pg_notify('salesflow', sf_notify_payload(TG_TABLE_NAME, left(TG_OP, 1), j));
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['persons', 'deals', 'jobs', 'template_jobs', 'history',
                           'stage_settings', 'lost_reasons', 'deal_pricing', 'deal_roi',
                           'roi_costs', 'approval_requests', 'approval_ledger', 'feedback',
                           'follow_ups', 'verdicts'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS sf_notify ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS sf_notify_insert ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS sf_notify_update ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS sf_notify_delete ON %I', t);
    EXECUTE format('CREATE TRIGGER sf_notify_insert AFTER INSERT ON %I '
                   'REFERENCING NEW TABLE AS sf_new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION sf_notify ()', t);
    EXECUTE format('CREATE TRIGGER sf_notify_update AFTER UPDATE ON %I '
                   'REFERENCING NEW TABLE AS sf_new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION sf_notify ()', t);
    EXECUTE format('CREATE TRIGGER sf_notify_delete AFTER DELETE ON %I '
                   'REFERENCING OLD TABLE AS sf_old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION sf_notify ()', t);
  END LOOP;
END
$$;

-- The triggers ---------------------------------------------------------------

DROP TRIGGER IF EXISTS sf_guard ON approval_requests;
CREATE TRIGGER sf_guard BEFORE INSERT OR UPDATE OR DELETE ON approval_requests
  FOR EACH ROW EXECUTE FUNCTION sf_guard_owner_only ();
DROP TRIGGER IF EXISTS sf_guard_truncate ON approval_requests;
CREATE TRIGGER sf_guard_truncate BEFORE TRUNCATE ON approval_requests
  FOR EACH STATEMENT EXECUTE FUNCTION sf_guard_owner_only ();

DROP TRIGGER IF EXISTS sf_guard ON approval_ledger;
CREATE TRIGGER sf_guard BEFORE INSERT OR UPDATE OR DELETE ON approval_ledger
  FOR EACH ROW EXECUTE FUNCTION sf_guard_ledger ();
DROP TRIGGER IF EXISTS sf_guard_truncate ON approval_ledger;
CREATE TRIGGER sf_guard_truncate BEFORE TRUNCATE ON approval_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION sf_guard_ledger ();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['persons', 'passphrase_failures', 'meta', 'owner_log',
                           'figures_log'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS sf_guard ON %I', t);
    EXECUTE format('CREATE TRIGGER sf_guard BEFORE INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION sf_guard_owner_only ()', t);
  END LOOP;
END
$$;

DROP TRIGGER IF EXISTS sf_guard ON jobs;
CREATE TRIGGER sf_guard BEFORE INSERT OR UPDATE OR DELETE ON jobs
  FOR EACH ROW EXECUTE FUNCTION sf_guard_jobs ();

DROP TRIGGER IF EXISTS sf_guard ON template_jobs;
CREATE TRIGGER sf_guard BEFORE INSERT OR UPDATE OR DELETE ON template_jobs
  FOR EACH ROW EXECUTE FUNCTION sf_guard_template ();

DROP TRIGGER IF EXISTS sf_guard_progress ON deals;
CREATE TRIGGER sf_guard_progress BEFORE UPDATE OF stage, status ON deals
  FOR EACH ROW EXECUTE FUNCTION sf_guard_deal_progress ();

DROP TRIGGER IF EXISTS sf_guard_value ON deals;
CREATE TRIGGER sf_guard_value BEFORE UPDATE OF value, currency ON deals
  FOR EACH ROW WHEN ((OLD.value, OLD.currency) IS DISTINCT FROM (NEW.value, NEW.currency))
  EXECUTE FUNCTION sf_guard_value_locked ();

DROP TRIGGER IF EXISTS sf_guard_figures ON deal_pricing;
CREATE TRIGGER sf_guard_figures BEFORE INSERT OR UPDATE OR DELETE ON deal_pricing
  FOR EACH ROW EXECUTE FUNCTION sf_guard_figures_locked ('0');
DROP TRIGGER IF EXISTS sf_guard_figures ON deal_roi;
CREATE TRIGGER sf_guard_figures BEFORE INSERT OR UPDATE OR DELETE ON deal_roi
  FOR EACH ROW EXECUTE FUNCTION sf_guard_figures_locked ('1');
DROP TRIGGER IF EXISTS sf_guard_figures ON roi_costs;
CREATE TRIGGER sf_guard_figures BEFORE INSERT OR UPDATE OR DELETE ON roi_costs
  FOR EACH ROW EXECUTE FUNCTION sf_guard_figures_locked ('1');

DROP TRIGGER IF EXISTS sf_track_figures ON deal_pricing;
CREATE TRIGGER sf_track_figures AFTER INSERT OR UPDATE OR DELETE ON deal_pricing
  FOR EACH ROW EXECUTE FUNCTION sf_track_figures ('0');
DROP TRIGGER IF EXISTS sf_track_figures ON deal_roi;
CREATE TRIGGER sf_track_figures AFTER INSERT OR UPDATE OR DELETE ON deal_roi
  FOR EACH ROW EXECUTE FUNCTION sf_track_figures ('1');
DROP TRIGGER IF EXISTS sf_track_figures ON roi_costs;
CREATE TRIGGER sf_track_figures AFTER INSERT OR UPDATE OR DELETE ON roi_costs
  FOR EACH ROW EXECUTE FUNCTION sf_track_figures ('1');
DROP TRIGGER IF EXISTS sf_track_figures ON deals;
CREATE TRIGGER sf_track_figures AFTER UPDATE OF value, currency ON deals
  FOR EACH ROW WHEN ((OLD.value, OLD.currency) IS DISTINCT FROM (NEW.value, NEW.currency))
  EXECUTE FUNCTION sf_track_figures ('0');

DROP TRIGGER IF EXISTS sf_track_owner ON deals;
CREATE TRIGGER sf_track_owner AFTER INSERT ON deals
  FOR EACH ROW EXECUTE FUNCTION sf_track_owner ();
DROP TRIGGER IF EXISTS sf_track_owner_change ON deals;
CREATE TRIGGER sf_track_owner_change AFTER UPDATE OF owner_id ON deals
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id)
  EXECUTE FUNCTION sf_track_owner ();

DROP TRIGGER IF EXISTS sf_stamp ON history;
CREATE TRIGGER sf_stamp BEFORE INSERT ON history
  FOR EACH ROW EXECUTE FUNCTION sf_stamp_history ();
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['feedback', 'follow_ups', 'verdicts'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS sf_stamp ON %I', t);
    EXECUTE format('CREATE TRIGGER sf_stamp BEFORE INSERT OR UPDATE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION sf_stamp_person ()', t);
  END LOOP;
END
$$;

-- Rights ---------------------------------------------------------------------
-- A person may do what the app lets them and nothing more: read the whole
-- pipeline, work on deals, jobs, figures and satisfaction, change the
-- team's settings; never write a request, a decision, the ledger, a
-- person or the logs, other than through the functions.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesflow_salesperson') OR
     NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'salesflow_manager') THEN
    RAISE EXCEPTION USING ERRCODE = 'SFT04',
      MESSAGE = 'Create the roles salesflow_salesperson and salesflow_manager first (docs/team.md)';
  END IF;
END
$$;

REVOKE ALL ON SCHEMA salesflow FROM PUBLIC, salesflow_salesperson, salesflow_manager;
REVOKE ALL ON ALL TABLES IN SCHEMA salesflow FROM PUBLIC, salesflow_salesperson, salesflow_manager;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA salesflow FROM PUBLIC, salesflow_salesperson, salesflow_manager;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA salesflow FROM PUBLIC, salesflow_salesperson, salesflow_manager;

GRANT USAGE ON SCHEMA salesflow TO salesflow_salesperson, salesflow_manager;
GRANT SELECT ON ALL TABLES IN SCHEMA salesflow TO salesflow_salesperson, salesflow_manager;
GRANT INSERT, UPDATE ON deals, stage_settings, verdicts, follow_ups
  TO salesflow_salesperson, salesflow_manager;
GRANT INSERT, UPDATE, DELETE ON jobs, template_jobs, lost_reasons, deal_pricing, deal_roi,
  roi_costs, follow_ups
  TO salesflow_salesperson, salesflow_manager;
GRANT INSERT ON history, feedback TO salesflow_salesperson, salesflow_manager;

GRANT EXECUTE ON FUNCTION sf_whoami (), sf_figures (bigint, integer),
  sf_request_approval (bigint, integer, bigint, text), sf_recall_request (bigint)
  TO salesflow_salesperson, salesflow_manager;
GRANT EXECUTE ON FUNCTION sf_decide (bigint, boolean, text) TO salesflow_manager;
-- The guards run as the person who writes (so that they see who it is) and
-- call these; neither lets anyone do anything.
GRANT EXECUTE ON FUNCTION sf_by_owner (), sf_actor_id (), sf_notify_payload (text, text, jsonb)
  TO salesflow_salesperson, salesflow_manager;
