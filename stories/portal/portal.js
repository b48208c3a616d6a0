// The wuye-kit demo portal: a plain host page (no framework) that embeds every element through
// wuye-kit/define.js. Two ways to run it, told apart by asking the page's own server:
// - `npm start` (a static server): the workflow engine runs in this browser on the embedded
//   default store (BrowserStore, IndexedDB); a role switcher says who acts (single-user demo).
// - `npm run serve` (`wuye-kit demo`): the server decides. GET /demo/session answers, the role
//   switcher becomes a demo sign-in (an HttpOnly session cookie the page cannot read or forge),
//   and the same elements run on RemoteEngine against wuye-kit/server on SQLite. The actor the
//   page hands to the elements only labels the view: the server acts for the cookie's person.
// Everything a user does survives a reload: workflow instances in the store, the intake draft in
// the form, the checklist in localStorage, the current view, role and language in localStorage.
import 'wuye-kit/define.js';
import { createEngine, BrowserStore, RemoteEngine, builtinDefinitions, createCalendar, catalog, vocabLabel, inspectionStep, inspectionPrefill } from 'wuye-kit';

// ── interface text of the portal itself (the elements bring their own) ────────────────────────
const t = catalog(
  {
    title: '物业客服门户', demo: '演示', sections: '栏目', role: '当前身份', language: '语言', store: '数据存储',
    storeBrowser: '本机浏览器 (IndexedDB)', storeServer: '服务器 (wuye-kit/server, SQLite)',
    signIn: '登录身份', signOut: '退出', choosePerson: '— 请选择 —', signInHint: '演示登录：请选择一位演示人员。服务器为其签发会话 Cookie，并只按该 Cookie 判断身份。',
    tabIntake: '投诉受理', tabHandling: '投诉处理', tabStats: '分类统计', tabDeductions: '投诉扣分', tabInspection: '内部验房', tabMoveIn: '入伙',
    moveInProject: '项目入伙', moveInHouses: '各户入伙', house: '房屋', houseOwner: '业主',
    moveInStarted: '项目入伙流程已启动', moveInNone: '开始各户入伙后，每户一个入伙流程列在这里。',
    moveInSummary: '共 {total} 户：已完成 {done} 户，未完成 {open} 户。', moveInByState: '各状态：{states}。', houseSelected: '当前房屋：{house}',
    intakeHint: '前台接待或客服专员在业主来电、来访时填写。提交后生成投诉记录，并启动处理流程。',
    complaints: '投诉记录', recordNo: '编号', subject: '主题', office: '管理处', state: '状态', handler: '处理人',
    seeding: '正在载入示例数据…', seeded: '已载入 {n} 条示例投诉', saved: '投诉 {no} 已登记，处理流程已启动。负责单位：{unit}（依据：{reason}）。',
    inspectionMoved: '验房流程：{action} → {state}', loading: '正在载入…',
 loadFailed: '载入失败：{reason}',
    inspectionStarted: '内部验房流程已启动', selectHint: '请在左侧选择一条投诉',
    receptionist: '前台接待 · 周敏', specialist: '客服专员 · 林涛', centreHead: '客服主任 · 陈立', hq: '总部客服经理 · 王峰', contractor: '施工单位 · 深圳建工土建一队',
  },
  {
    title: 'Property customer-service portal', demo: 'demo', sections: 'Sections', role: 'Signed in as', language: 'Language', store: 'Data store',
    storeBrowser: 'This browser (IndexedDB)', storeServer: 'Server (wuye-kit/server, SQLite)',
    signIn: 'Signed in as', signOut: 'Sign out', choosePerson: '— choose —', signInHint: 'Demo sign-in: choose a demo person. The server issues a session cookie for them and decides who acts from that cookie alone.',
    tabIntake: 'Intake', tabHandling: 'Handling', tabStats: 'Statistics', tabDeductions: 'Deductions', tabInspection: 'House inspection', tabMoveIn: 'Move-in',
    moveInProject: 'Project move-in', moveInHouses: 'Houses', house: 'House', houseOwner: 'Owner',
    moveInStarted: 'The project move-in has started', moveInNone: 'Once the houses’ move-in starts, each house’s own move-in is listed here.',
    moveInSummary: '{total} houses: {done} done, {open} not done.', moveInByState: 'By state: {states}.', houseSelected: 'Selected house: {house}',
    intakeHint: 'The front desk or a customer-service specialist fills this in when an owner calls or visits. Submitting records the complaint and starts its handling.',
    complaints: 'Complaints', recordNo: 'No.', subject: 'Subject', office: 'Office', state: 'State', handler: 'Handler',
    seeding: 'Loading the example data…', seeded: '{n} example complaints loaded', saved: 'Complaint {no} registered; its handling has started. Responsible unit: {unit} (because: {reason}).',
    inspectionMoved: 'Inspection: {action} → {state}', loading: 'Loading…',
 loadFailed: 'Loading failed: {reason}',
    inspectionStarted: 'Internal inspection started', selectHint: 'Choose a complaint on the left',
    receptionist: 'Front desk · Zhou Min', specialist: 'Specialist · Lin Tao', centreHead: 'Centre head · Chen Li', hq: 'HQ manager · Wang Feng', contractor: 'Contractor · SZ Construction Civil Team 1',
  },
);

// Who may act in the embedded demo. Each person carries the role codes of every element they use.
// (With the server, the people come from it: schemas/examples/people.json.)
let PEOPLE = {
  receptionist: { key: 'receptionist', actor: { id: 'E1001', name: '周敏', roles: ['receptionist', 'staff'] } },
  specialist: { key: 'specialist', actor: { id: 'E2001', name: '林涛', roles: ['specialist', 'inspector', 'staff'] } },
  'centre-head': { key: 'centreHead', actor: { id: 'E3001', name: '陈立', roles: ['centre-head', 'inspector', 'staff'] } },
  'hq-manager': { key: 'hq', actor: { id: 'H0001', name: '王峰', roles: ['hq-manager'] } },
  contractor: { key: 'contractor', actor: { id: 'C-TJ01', name: '深圳建工土建一队', roles: ['contractor'] } },
};

const $ = (id) => document.getElementById(id);

/**
 * Redraws a list table in place, one row per item keyed by `key`: a row keeps its element across
 * redraws (only its text and the header change), so a keyboard user's focus on a row's button
 * survives another tab's change redrawing the list. `cells(item)` gives the row's cells: the first
 * is the row's open button's text, the others plain text (data is never set as HTML).
 */
function syncRows(table, headings, items, { key, cells, onOpen, isSelected, stateColumn }) {
  let head = table.querySelector('tr[data-head]');
  if (!head) {
    head = document.createElement('tr');
    head.dataset.head = '';
    table.prepend(head);
  }
  while (head.children.length < headings.length) {
    const th = document.createElement('th');
    th.scope = 'col';
    head.append(th);
  }
  headings.forEach((text, i) => (head.children[i].textContent = text));
  const old = new Map([...table.querySelectorAll('tr[data-key]')].map((tr) => [tr.dataset.key, tr]));
  let before = head;
  for (const item of items) {
    const id = key(item);
    let tr = old.get(id);
    old.delete(id);
    const values = cells(item);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.key = id;
      const open = document.createElement('button');
      open.type = 'button';
      open.dataset.id = id;
      open.addEventListener('click', () => onOpen(id));
      for (let i = 0; i < values.length; i++) tr.append(document.createElement('td'));
      tr.children[0].append(open);
      tr.children[stateColumn].className = 'state';
    }
    tr.setAttribute('aria-selected', String(isSelected(id)));
    const [first, ...rest] = values;
    const button = tr.children[0].firstElementChild;
    if (button.textContent !== first) button.textContent = first;
    rest.forEach((text, i) => {
      const td = tr.children[i + 1];
      if (td.textContent !== text) td.textContent = text;
    });
    // Moved only when out of order: moving a row would take the focus off its button.
    if (before.nextElementSibling !== tr) before.after(tr);
    before = tr;
  }
  for (const tr of old.values()) tr.remove();
}
const saved = (k, fallback) => localStorage.getItem(`wy-portal:${k}`) ?? fallback;
const save = (k, v) => localStorage.setItem(`wy-portal:${k}`, v);
const params = new URLSearchParams(location.search);

void params;
let locale = saved('locale', 'zh-CN');
let view = saved('view', 'intake');

// Is a wuye-kit server behind this page? Only `wuye-kit demo` answers /demo/session with JSON.
const session = await fetch('/demo/session', { headers: { accept: 'application/json' } })
  .then(async (r) => (r.ok && /json/.test(r.headers.get('content-type') ?? '') ? r.json() : null))
  .catch(() => null);
const onServer = session !== null;
const activeStore = onServer ? 'server' : 'browser';
if (onServer) {
  PEOPLE = Object.fromEntries(
    session.people.map((p) => [p.id, { key: p.id, label: { 'zh-CN': `${p.title['zh-CN']} · ${p.name}`, en: `${p.title.en} · ${p.nameEn}` }, actor: { id: p.id, name: p.name, roles: p.roles } }]),
  );
}
let person = onServer ? (session.person ? PEOPLE[session.person.id] : undefined) : (PEOPLE[saved('role', 'receptionist')] ?? PEOPLE.receptionist);
const personLabel = (p) => (p.label ? p.label[locale] : t(locale, p.key));

const fetchJson = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
};

function status(text, isError = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

// ── reference data, examples, calendar ────────────────────────────────────────────────────────
// The staff list (people.json: ids, names, titles, roles, offices) fills the workflow panel's pickers.
const [offices, contractors, staff] = await Promise.all([
  fetchJson('/schemas/examples/offices.json'),
  fetchJson('/schemas/examples/contractors.json'),
  fetchJson('/schemas/examples/people.json'),
]);
const definitions = Object.values(builtinDefinitions);

// On the server: RemoteEngine (the session cookie goes along, same origin). In this browser: the
// engine itself on IndexedDB, with the 2026 business calendar.
let engine, store, calendar;
if (onServer) {
  engine = new RemoteEngine({ baseUrl: '/api/workflow' });
  if (person) await engine.ready();
} else {
  calendar = createCalendar(await fetchJson('/schemas/calendars/cn-2026.json'));
  store = new BrowserStore({ name: 'wuye-kit-portal' });
  engine = createEngine({ definitions, store, calendar });
}

// The embedded portal keeps the list of its complaint instances; the server lists them itself.
const index = () => JSON.parse(saved(`index:${activeStore}`, '[]'));
const remember = (id) => {
  if (onServer) return;
  const ids = index();
  if (!ids.includes(id)) save(`index:${activeStore}`, JSON.stringify([...ids, id]));
};

// ── seeding: the 36 example complaints, moved through the workflow at their own dates ────────
// A separate engine whose clock is set to each record's times, so the seeded histories read as
// they happened. Every command has a fixed idempotency key: seeding twice changes nothing.
async function seed() {
  if (onServer || saved(`seeded:${activeStore}`, '') === '2') return; // the server seeds itself
  status(t(locale, 'seeding'));
  const examples = await fetchJson('/schemas/examples/complaint.valid.json');
  let now = 0;
  const seeder = createEngine({ definitions, store, calendar, clock: () => now });
  const at = (iso, plusMinutes = 0) => Date.parse(iso) + plusMinutes * 60_000;
  for (const r of examples) {
    const id = r.recordNo;
    const { handler, deadline, reply, returnVisit, validity, closedAt, ...intake } = r;
    void closedAt;
    const receiver = { id: r.firstReceiver.id, name: r.firstReceiver.name, roles: ['receptionist'] };
    const specialist = { id: 'E2001', name: '林涛', roles: ['specialist'] };
    const step = async (event, payload, actor, time) => {
      now = time;
      const res = await seeder.send(id, { type: event, payload, commandId: `seed-${event}-${id}` }, actor);
      if (!res.ok) throw new Error(`${id} ${event}: ${res.code} ${JSON.stringify(res.details ?? '')}`);
    };
    now = at(r.receivedAt);
    const started = await seeder.start('complaint', { id, data: intake, commandId: `seed-start-${id}` }, receiver);
    if (!started.ok) throw new Error(`${id} start: ${started.code}`);
    remember(id);
    const snap = await seeder.get(id);
    if (snap.state !== 'received') continue; // seeded before
    await step('register', { category: r.category, severity: r.severity, emergency: r.emergency, repeat: r.repeat }, receiver, at(r.receivedAt, 10));
    if (!handler) continue;
    await step('dispatch', { handler, ...(deadline ? { deadline } : {}) }, specialist, at(r.receivedAt, 60));
    const handlerActor = { ...handler, roles: ['specialist'] };
    await step('accept', undefined, handlerActor, at(r.receivedAt, 90));
    if (!reply) continue;
    await step('reply', reply, handlerActor, at(reply.at));
    if (!returnVisit) continue;
    await step('visit', returnVisit, { ...returnVisit.by, roles: ['specialist'] }, at(returnVisit.at));
    if (returnVisit.satisfaction === 'dissatisfied' || !validity) continue;
    await step('close', { validity }, specialist, at(returnVisit.at, 60));
  }
  save(`seeded:${activeStore}`, '2');
  status(t(locale, 'seeded', { n: examples.length }));
}

// ── the elements ───────────────────────────────────────────────────────────────────────────────
const provider = $('provider');
const form = $('complaint-form');
const panel = $('panel');
const stats = $('stats');
const deductions = $('deductions');
const checklist = $('checklist');
const inspectionPanel = $('inspection-panel');
let selected = saved('selected', '');

function applyContext() {
  document.documentElement.lang = locale;
  provider.locale = locale;
  provider.actor = person?.actor;
  provider.engine = engine;
  provider.reference = { offices, contractors, staff };
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(locale, el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', t(locale, el.dataset.tLabel));
  const role = $('role');
  const options = Object.entries(PEOPLE).map(([k, p]) => new Option(personLabel(p), k, false, p === person));
  if (onServer && !person) options.unshift(new Option(t(locale, 'choosePerson'), '', true, true));
  role.replaceChildren(...options);
  $('role-label').textContent = t(locale, onServer ? 'signIn' : 'role');
  $('sign-out').hidden = !onServer || !person;
  $('locale').value = locale;
  $('store').value = t(locale, onServer ? 'storeServer' : 'storeBrowser');
  $('store').dataset.store = activeStore;
}

// Intake: the form submits through a store adapter that starts the complaint workflow. The
// record's idempotency key is the command id, so a retried submit never starts a second one.
form.offices = offices;
form.store = {
  async submitComplaint(record, { idempotencyKey }) {
    const res = await engine.start('complaint', { id: record.recordNo, data: record, commandId: idempotencyKey }, person.actor);
    if (!res.ok) throw Object.assign(new Error(res.message ?? res.code), { errors: res.errors });
    remember(res.snapshot.id);
    started.set(record.recordNo, res.snapshot.id);
    return res;
  },
};
const started = new Map(); // record number → instance id (the server may choose the id)
form.addEventListener('wy-complaint-save', async (e) => {
  const record = e.detail.value;
  const no = record.recordNo;
  const routing = record.routing ?? {};
  // Where it went, for everyone: the responsible unit and the routing rule's reason.
  status(t(locale, 'saved', { no, unit: vocabLabel('routingUnit', routing.unit ?? 'service-centre', locale), reason: routing.reason ? vocabLabel('routingReason', routing.reason, locale) : '—' }));
  selected = started.get(no) ?? no;
  save('selected', selected);
  // Focus moves to the result (the status line names the record and where it went), not to <body>,
  // and at once: moved after the handling list had loaded, it would take the focus from wherever a
  // fast user had gone meanwhile (the handling tab it opens, the list, the panel's first action).
  $('status').focus();
  await show('handling');
});

const STATE_LABEL = Object.fromEntries(builtinDefinitions.complaint.states.map((s) => [s.id, s.title]));
const officeName = (id) => offices.find((o) => o.id === id)?.name?.[locale] ?? id;

/** The ids of the complaint instances: the server's list (every page), or the portal's own index. */
async function complaintIds() {
  if (!onServer) return index();
  const ids = [];
  let cursor;
  do {
    const page = await engine.list({ definition: 'complaint', limit: 200, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Every complaint's snapshot; one that fails to load is left out (and logged), never the whole list. */
async function loadComplaints() {
  const results = await Promise.allSettled((await complaintIds()).map((id) => engine.get(id)));
  for (const r of results) if (r.status === 'rejected') console.warn(r.reason);
  const snaps = results.filter((r) => r.status === 'fulfilled' && r.value).map((r) => r.value);
  return snaps.sort((a, b) => String(b.data.receivedAt).localeCompare(String(a.data.receivedAt)));
}

// Each list redraw reads the store, then draws; a redraw overtaken by a newer one (changes come
// in bursts) draws nothing, so an older read never overwrites a newer one.
let handlingDraws = 0;
let moveInDraws = 0;

async function renderHandling() {
  const draw = ++handlingDraws;
  const snaps = await loadComplaints();
  if (draw !== handlingDraws) return;
  syncRows($('complaints'), ['recordNo', 'subject', 'office', 'state', 'handler'].map((k) => t(locale, k)), snaps, {
    key: (s) => s.id,
    // The record number; the server may choose another instance id.
    cells: (s) => [s.data.recordNo ?? s.id, s.data.subject ?? '', officeName(s.data.officeId), STATE_LABEL[s.state]?.[locale] ?? s.state, s.handler?.name ?? ''],
    onOpen: select,
    isSelected: (id) => id === selected,
    stateColumn: 3,
  });
  if (!selected && snaps[0]) select(snaps[0].id);
  else if (selected) panel.instanceId = selected;
}

function select(id) {
  selected = id;
  save('selected', id);
  panel.instanceId = id;
  for (const tr of $('complaints').querySelectorAll('tr[aria-selected]')) tr.setAttribute('aria-selected', String(tr.querySelector('button')?.dataset.id === id));
}

async function renderReports() {
  const records = (await loadComplaints()).map((s) => s.data);
  stats.offices = offices;
  stats.complaints = records;
  stats.reportingUnit = locale === 'en' ? 'HQ customer-service centre' : '总部客服中心';
  deductions.complaints = records;
  deductions.offices = offices;
}

// Inspection: one internal-inspection instance for one house; the defects live with the page.
const HOUSE = { project: '华苑花园', building: '3栋', unit: '2单元', floor: '12', room: '1201' };
const INSPECTION_ID = 'INSP-HY-3-2-1201';
async function renderInspection() {
  checklist.house = HOUSE;
  checklist.contractors = contractors;
  checklist.items = JSON.parse(saved('defects', '[]'));
  prefillInspection(checklist.items);
  if (!onServer && !(await engine.get(INSPECTION_ID))) {
    const r = await engine.start('internal-inspection', { id: INSPECTION_ID, data: { house: HOUSE }, commandId: `start-${INSPECTION_ID}` }, PEOPLE.specialist.actor);
    if (r.ok) status(t(locale, 'inspectionStarted'));
  }
  inspectionPanel.instanceId = INSPECTION_ID;
}
// The checklist drives its workflow: "entry complete" generates the problem list; when the
// contractors have fixed everything the workflow moves to re-inspection; when re-inspection has
// decided every item, the summary opens. The panel's forms start from the checklist's counts.
async function stepInspection(trigger, items) {
  const snap = await engine.get(INSPECTION_ID);
  if (!snap) return;
  const step = inspectionStep(snap.state, items, trigger);
  if (!step) return;
  const res = await engine.send(INSPECTION_ID, { type: step.event, ...(step.payload ? { payload: step.payload } : {}), commandId: `chk-${step.event}-${snap.version}` }, person.actor);
  if (res.ok) {
    const def = builtinDefinitions['internal-inspection'];
    const title = (id) => def.states.find((s) => s.id === id)?.title?.[locale] ?? id;
    const action = def.transitions.find((x) => x.event === step.event)?.title?.[locale] ?? step.event;
    status(t(locale, 'inspectionMoved', { action, state: title(res.snapshot.state) }));
  }
  // Refused (another role must act): the panel says who may, beside the action.
}
function prefillInspection(items) {
  inspectionPanel.prefill = inspectionPrefill(items, locale);
}
checklist.addEventListener('wy-change', (e) => {
  save('defects', JSON.stringify(e.detail.items));
  prefillInspection(e.detail.items);
  void stepInspection('items-change', e.detail.items);
});
checklist.addEventListener('wy-entry-complete', () => void stepInspection('entry-complete', checklist.items));

// Move-in (CRM 第五章): one project instance (plan, risks, preparation, summary) starts one
// move-in-house instance per house (notify the owner, close the problems, the owner's decision);
// the project sees each house's state, counts them, and moves on by itself when all are done.
const moveInPanel = $('move-in-panel');
const housePanel = $('house-panel');
const MOVE_IN = await fetchJson('./move-in-project.json');
let moveInId = saved('move-in', MOVE_IN.id);
let selectedHouse = saved('house', '');
const houseDef = builtinDefinitions['move-in-house'];
const houseStateTitle = (id) => houseDef.states.find((x) => x.id === id)?.title?.[locale] ?? id;
const houseName = (d) => [d.building, d.unit, d.room].filter(Boolean).join(' ');

async function renderMoveIn() {
  const draw = ++moveInDraws;
  let project = await engine.get(moveInId).catch(() => undefined);
  if (!project && person) {
    const data = { project: MOVE_IN.project, officeId: MOVE_IN.officeId, batch: MOVE_IN.batch[locale] };
    const r = await engine.start('move-in', { id: MOVE_IN.id, data, commandId: `start-${MOVE_IN.id}` }, onServer ? person.actor : PEOPLE.specialist.actor);
    if (r.ok) {
      project = r.snapshot;
      moveInId = r.snapshot.id; // the server may choose the id
      save('move-in', moveInId);
      status(t(locale, 'moveInStarted'));
    }
  }
  // The project's record prefills what it already knows: its schedule and its houses.
  moveInPanel.prefill = { plan: MOVE_IN.schedule, 'start-houses': { houses: MOVE_IN.houses } };
  moveInPanel.instanceId = moveInId;
  const children = project?.data?.children;
  const ids = Object.keys(children?.items ?? {});
  const snaps = (await Promise.allSettled(ids.map((id) => engine.get(id)))).flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  snaps.sort((a, b) => houseName(a.data).localeCompare(houseName(b.data)));
  if (draw !== moveInDraws) return;
  const summary = $('move-in-summary');
  if (!children || !ids.length) summary.textContent = t(locale, 'moveInNone');
  else {
    const states = Object.entries(children.byState ?? {}).map(([id, n]) => `${houseStateTitle(id)} ${n}`).join(locale === 'en' ? ', ' : '、');
    summary.textContent = `${t(locale, 'moveInSummary', { total: children.total, done: children.done, open: children.open })} ${t(locale, 'moveInByState', { states })}`;
  }
  syncRows($('houses'), ['house', 'houseOwner', 'state'].map((k) => t(locale, k)), snaps, {
    key: (s) => s.id,
    cells: (s) => [houseName(s.data), s.data.owner ?? '', houseStateTitle(s.state)],
    onOpen: (id) => selectHouse(id, houseName(snaps.find((s) => s.id === id)?.data ?? {})),
    isSelected: (id) => id === selectedHouse,
    stateColumn: 2,
  });
  const current = snaps.find((s) => s.id === selectedHouse);
  if (!current) selectedHouse = '';
  $('house-selected').textContent = current ? t(locale, 'houseSelected', { house: houseName(current.data) }) : '';
  housePanel.hidden = !selectedHouse;
  if (selectedHouse) housePanel.instanceId = selectedHouse;
}
function selectHouse(id, name) {
  selectedHouse = id;
  save('house', id);
  housePanel.hidden = false;
  housePanel.instanceId = id;
  for (const tr of $('houses').querySelectorAll('tr[aria-selected]')) tr.setAttribute('aria-selected', String(tr.querySelector('button')?.dataset.id === id));
  $('house-selected').textContent = t(locale, 'houseSelected', { house: name });
}

// ── navigation, role, language, store ─────────────────────────────────────────────────────────
async function show(name) {
  view = name;
  save('view', name);
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const section of document.querySelectorAll('[role="tabpanel"]')) section.hidden = section.id !== `view-${name}`;
  if (name === 'handling') await renderHandling();
  if (name === 'stats' || name === 'deductions') await renderReports();
  if (name === 'inspection') await renderInspection();
  if (name === 'move-in') await renderMoveIn();
}

const tabs = [...document.querySelectorAll('[role="tab"]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => show(tab.dataset.view));
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
    if (next) {
      e.preventDefault();
      next.focus();
      show(next.dataset.view);
    }
  });
}
$('role').addEventListener('change', async (e) => {
  if (onServer) {
    // Demo sign-in: the server sets the session cookie; a fresh page picks up the new person.
    const r = await fetch('/demo/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person: e.target.value }) });
    if (r.ok) location.reload();
    else status(t(locale, 'loadFailed', { reason: `${r.status}` }), true);
    return;
  }
  person = PEOPLE[e.target.value];
  save('role', e.target.value);
  applyContext();
});
$('sign-out').addEventListener('click', async () => {
  await fetch('/demo/session', { method: 'DELETE' });
  location.reload();
});
$('locale').addEventListener('change', (e) => {
  locale = e.target.value;
  save('locale', locale);
  applyContext();
  show(view);
});
applyContext();
if (onServer && !person) {
  // Not signed in: nothing to show but the sign-in.
  $('main').hidden = true;
  document.querySelector('.tabs').hidden = true;
  status(t(locale, 'signInHint'));
  $('skeleton').hidden = true;
  $('main').removeAttribute('aria-busy');
  document.body.dataset.ready = 'true';
} else {
  // Someone else's change (another tab, another person, the server's timers) redraws the list;
  // the workflow panel follows its own instance the same way.
  engine.subscribe(() => {
    if (view === 'handling') void renderHandling();
    if (view === 'move-in') void renderMoveIn();
  });
  try {
    await seed();
    // Embedded: due SLA timers fire from stored deadlines, once now (after a reload or a night
    // away), then every minute while the page is open. On the server, its ticker fires them.
    if (!onServer) await engine.tick(Date.now());
  } catch (err) {
    status(t(locale, 'loadFailed', { reason: err.message }), true);
    console.error(err);
  }
  if (!onServer) setInterval(() => void engine.tick(Date.now()), 60_000);
  await show(view);
  $('skeleton').hidden = true;
  $('main').removeAttribute('aria-busy');
  document.body.dataset.ready = 'true';
}
