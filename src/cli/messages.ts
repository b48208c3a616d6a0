// Interface text of the wuye-kit CLI (zh-CN source, en complete: a missing key is a compile error).
import { catalog } from '../core/i18n/catalog.js';

const zhCN = {
  usage: `用法：
  wuye-kit check <文件…> [--kind <类型>] [--schema <名称>] [--locale zh-CN|en] [--json] [--strict]
  wuye-kit check --defaults [<文件…>] [--json] [--strict]
  wuye-kit compile <schema.json> [-o <输出.js>]
  wuye-kit calendar [<起始年> [<结束年>]] [-o <目录>]
  wuye-kit serve --config wuye.config.json
  wuye-kit demo [--embedded] [--port 8787] [--host 127.0.0.1] [--db <文件>] [--root <目录>]

check    检查配置文件（数据 schema、UI schema、扣分规则、流程定义、工作日历、常见问题、投诉分派规则、投诉定义，或按 $schema 检查一条记录），
         报告错误所在的行和列以及检查器的建议；有错误时退出码为 1。
         类型：{kinds}
         --defaults：列出每个文件中仍是 wuye-kit 默认值（x-default）、尚未按公司制度替换的事实及其说明；
         不给文件时检查随包发布的 schemas/；--strict 时只要还有默认值退出码就为 1。
compile  把自定义 schema 编译为独立的预编译校验器（不含 eval，可在严格 CSP 下运行）。
calendar 由 chinese-days 包写出工作日历 cn-<年>.json（法定节假日与调休；默认目录 schemas/calendars，
         默认 2024 年至该包已知的最后一年；工作时间是默认值，写入后按公司作息修改）。
serve    以独立服务运行流程命令 API（wuye-kit/server），供 Java/.NET/PHP 后端旁部署：配置文件给出流程定义、
         工作日历、数据库、允许的来源，以及如何信任宿主的会话（用 JWKS、公钥或共享密钥验证宿主签发的 JWT）。
demo     演示门户连同服务器（SQLite）：演示登录签发会话 Cookie，服务器据此判断身份（npm run serve）；
         --embedded 只提供页面，流程引擎在浏览器内运行（npm start）。`,
  'prov.missing': '{what} 没有出处：请加上 "x-source"（手册文件编号和章节）或 "x-default": true 和 "x-note"',
  'prov.invalid': '{what} 的出处有误：{reason}',
  'prov.required': '{what} 缺少出处（{schema} 要求每项事实注明）：请加上 "x-source"（手册文件编号和章节，如 "WI/KF-007 四(三)2"），或 "x-default": true 加一行 "x-note"（公司应决定什么）',
  'prov.both': '{what} 同时写了 "x-source" 和 "x-default"：出自手册的事实不是默认值，请只保留其一',
  'prov.reason.both': '同时写了 "x-source" 和 "x-default"',
  'prov.reason.source': '"x-source" 应为非空文字',
  'prov.reason.default': '"x-default" 只能是 true',
  'prov.reason.note': '"x-default" 需要一行 "x-note"（公司应决定什么）',
  'err.routing': '分派规则无法使用：{detail}',
  'routing.op': '条件中不允许使用 "{op}" 运算符',
  'routing.oneOp': 'JSONLogic 运算是只含一个运算符的对象',
  'routing.var': '条件不能读取 "{name}"',
  'routing.unknownOp': '未知的 JSONLogic 运算符 "{op}"',
  'lint.unknownNote': '没有编号为 "{id}" 的释义（notes）',
  'defaults.file': '{file}：{defaults} 项默认值待替换，{manual} 项出自手册',
  'defaults.item': '{file}:{line}:{column}: 默认值 {what}{title}：{note} ({path})',
  'defaults.summary': '{files} 个文件：{defaults} 项默认值待替换，{errors} 个错误，{warnings} 个警告',
  'kind.schema': '数据 schema',
  'kind.ui': 'UI schema（表单布局）',
  'kind.deduction-rules': '扣分规则',
  'kind.workflow': '流程定义',
  'kind.calendar': '工作日历',
  'kind.common-problems': '常见问题清单',
  'kind.routing': '投诉分派规则',
  'kind.guide': '投诉定义与说明',
  'kind.record': '记录（{schema}）',
  'kind.unknown': '未知类型',
  summary: '{files} 个文件：{errors} 个错误，{warnings} 个警告',
  ok: '{file}：{kind}，没有问题',
  'err.read': '无法读取文件：{detail}',
  'err.json': 'JSON 语法错误：{detail}',
  'err.kind': '无法判断文件类型：请加上 "$schema"（例如 "{example}"），或使用 --kind',
  'err.badKind': '未知的 --kind "{kind}"，可用：{kinds}',
  'err.badSchema': '没有名为 "{schema}" 的内置 schema，可用：{known}',
  'err.arg': '参数错误：{detail}',
  'err.noFiles': '请至少指定一个文件',
  'err.schemaVersion': 'wuye-kit 的 schema 使用 JSON Schema draft-07（"http://json-schema.org/draft-07/schema#"），而不是 "{found}"',
  'err.meta': '不是合法的 JSON Schema：{detail}',
  'err.ajv': 'schema 无法编译：{detail}',
  'lint.ajvStrict': 'Ajv 严格模式提示（草案 07 允许，校验照常进行）：{detail}',
  'err.form': '表单无法显示这个 schema：{detail}',
  'err.calendar': '日历无法使用：{detail}',
  'err.uiFor': 'UI schema 引用的数据 schema "{schema}" 不是内置 schema，跳过字段检查（用 --against <schema 文件> 指定）',
  'lint.duplicateKey': '属性 "{key}" 出现了两次，后者生效',
  'lint.protoKey': '"__proto__" 键会被忽略',
  'lint.noSchemaRef': '加上 "$schema": "{ref}"，编辑器即可自动补全并检查',
  'lint.noId': 'schema 需要稳定的 "$id"（表单和校验器按 $id 识别它）',
  'lint.additional': '对象声明了 properties，但没有 "additionalProperties": false，拼错的字段会被悄悄接受',
  'lint.noLabel': '属性 "{name}" 没有 x-label（需要 zh-CN 和 en）',
  'lint.labelLang': 'x-label 缺少 {lang}',
  'lint.enumLabels': '枚举没有 x-labels（每个代码需要 zh-CN 和 en 标签），或改为引用 schemas/vocab 中的词表',
  'lint.dupField': '字段 "{field}" 在布局中出现了不止一次',
  'lint.dupId': 'id "{id}" 重复',
  'lint.dupDate': '日期 {date} 出现了不止一次',
  'calendar.deps': 'wuye-kit calendar 需要 chinese-days（法定节假日与调休数据，不是运行时依赖）：npm install --save-dev chinese-days',
  'calendar.years': '年份应为四位数字，起始年不晚于结束年：{given}',
  'calendar.none': '{package} 没有 {year} 年的日期（已知 {known}），未写出',
  'calendar.wrote': '{file}：{holidays} 天法定节假日，{workdays} 天调休上班',
  'compile.deps': 'wuye-kit compile 需要 ajv、ajv-formats 和 esbuild（它们不是运行时依赖）：npm install --save-dev ajv ajv-formats esbuild',
  'compile.invalid': '{file} 有错误，未生成校验器',
  'compile.unsafe': '生成的校验器包含 "{what}"，拒绝写出',
  'compile.done': '已写出 {out}（{bytes} 字节，无导入，无 eval）和 {dts}',
  'serve.noConfig': '请用 --config 指定配置文件（例如 wuye.config.json）',
  'serve.config': '配置错误：{detail}',
  'serve.start': '无法启动：{detail}',
  'serve.inUse': '端口 {port} 已被占用：请换一个端口',
  'serve.running': 'wuye-kit 服务已启动\n  API      {api}\n  数据库   {db}\n按 Ctrl+C 停止。',
  'demo.embedded': 'wuye-kit 演示门户（浏览器内引擎，IndexedDB）\n  打开     {url}/stories/portal/\n按 Ctrl+C 停止。',
  'demo.running': 'wuye-kit 演示门户（服务器模式）\n  打开     {url}/stories/portal/\n  API      {url}/api/workflow\n  数据库   {db}\n按 Ctrl+C 停止。',
} as const;

export const cliText = catalog<keyof typeof zhCN>(zhCN, {
  usage: `Usage:
  wuye-kit check <file…> [--kind <kind>] [--schema <name>] [--locale zh-CN|en] [--json] [--strict]
  wuye-kit check --defaults [<file…>] [--json] [--strict]
  wuye-kit compile <schema.json> [-o <out.js>]
  wuye-kit calendar [<fromYear> [<toYear>]] [-o <dir>]
  wuye-kit serve --config wuye.config.json
  wuye-kit demo [--embedded] [--port 8787] [--host 127.0.0.1] [--db <file>] [--root <folder>]

check    checks a configuration file (data schema, UI schema, deduction rule set, workflow definition,
         business calendar, common-problem list, complaint routing table, complaint definition, or a record
         by its $schema) and reports problems with
         their line and column, plus the linters' findings; exits 1 when there are errors.
         Kinds: {kinds}
         --defaults lists, per file, the facts that are still wuye-kit's defaults (x-default) a company
         has not replaced, each with what to decide; without files it reads the shipped schemas/;
         with --strict it exits 1 while any default remains.
calendar writes business calendars cn-<year>.json from the chinese-days package (statutory holidays and
         makeup workdays; default folder schemas/calendars, default 2024 to the last year the package knows;
         the working hours are a default to set in the written files).
compile  compiles a custom schema into a self-contained precompiled validator (no eval: runs under a
         strict CSP).
serve    runs the workflow command API (wuye-kit/server) as a service beside a Java/.NET/PHP backend: the
         config names the definitions, calendar, database, allowed origins and how the host's session is
         trusted (its JWT, verified against a JWKS URL, a public key or a shared secret).
demo     the demo portal with the server (SQLite): a demo sign-in issues a session cookie the server
         derives the actor from (npm run serve); --embedded serves only the page, with the engine in
         the browser (npm start).`,
  'prov.missing': '{what} has no provenance: add "x-source" (the manual\'s document and section) or "x-default": true with an "x-note"',
  'prov.invalid': 'the provenance of {what} is malformed: {reason}',
  'prov.required': '{what} has no provenance ({schema} requires it on every fact): add "x-source" (the manual\'s document and section, e.g. "WI/KF-007 四(三)2"), or "x-default": true with a one-line "x-note" (what a company should decide)',
  'prov.both': '{what} has both "x-source" and "x-default": a fact from the manual is not a default, keep one',
  'prov.reason.both': 'both "x-source" and "x-default"',
  'prov.reason.source': '"x-source" must be a non-empty string',
  'prov.reason.default': '"x-default" must be true',
  'prov.reason.note': '"x-default" needs an "x-note" (what a company should decide)',
  'err.routing': 'the routing table cannot be used: {detail}',
  'routing.op': 'the "{op}" operator is not allowed in a condition',
  'routing.oneOp': 'a JSONLogic operation is an object with exactly one operator',
  'routing.var': 'a condition cannot read "{name}"',
  'routing.unknownOp': 'unknown JSONLogic operator "{op}"',
  'lint.unknownNote': 'no explanation (note) with id "{id}"',
  'defaults.file': '{file}: {defaults} defaults to replace, {manual} facts from the manual',
  'defaults.item': '{file}:{line}:{column}: default {what}{title}: {note} ({path})',
  'defaults.summary': '{files} file(s): {defaults} defaults to replace, {errors} errors, {warnings} warnings',
  'kind.schema': 'data schema',
  'kind.ui': 'UI schema (form layout)',
  'kind.deduction-rules': 'deduction rule set',
  'kind.workflow': 'workflow definition',
  'kind.calendar': 'business calendar',
  'kind.common-problems': 'common-problem list',
  'kind.routing': 'complaint routing table',
  'kind.guide': 'complaint definition and explanations',
  'kind.record': 'record ({schema})',
  'kind.unknown': 'unknown kind',
  summary: '{files} file(s): {errors} error(s), {warnings} warning(s)',
  ok: '{file}: {kind}, no problems',
  'err.read': 'cannot read the file: {detail}',
  'err.json': 'JSON syntax error: {detail}',
  'err.kind': 'cannot tell what this file is: add "$schema" (for example "{example}") or pass --kind',
  'err.badKind': 'unknown --kind "{kind}"; known: {kinds}',
  'err.badSchema': 'no shipped schema named "{schema}"; known: {known}',
  'err.arg': 'bad arguments: {detail}',
  'err.noFiles': 'name at least one file',
  'err.schemaVersion': 'wuye-kit schemas use JSON Schema draft-07 ("http://json-schema.org/draft-07/schema#"), not "{found}"',
  'err.meta': 'not a valid JSON Schema: {detail}',
  'err.ajv': 'the schema does not compile: {detail}',
  'lint.ajvStrict': 'Ajv strict mode notes (valid draft-07; validation works as written): {detail}',
  'err.form': 'a form cannot show this schema: {detail}',
  'err.calendar': 'the calendar cannot be used: {detail}',
  'err.uiFor': 'the UI schema is for "{schema}", which is not a shipped schema; field checks skipped (pass --against <schema file>)',
  'lint.duplicateKey': 'property "{key}" is given twice; the last one wins',
  'lint.protoKey': '"__proto__" keys are ignored',
  'lint.noSchemaRef': 'add "$schema": "{ref}" so editors autocomplete and check this file',
  'lint.noId': 'a schema needs a stable "$id" (forms and validators recognise it by $id)',
  'lint.additional': 'this object lists properties but not "additionalProperties": false, so misspelt fields are silently accepted',
  'lint.noLabel': 'property "{name}" has no x-label (zh-CN and en)',
  'lint.labelLang': 'x-label has no {lang}',
  'lint.enumLabels': 'this enum has no x-labels (zh-CN and en for every code); or $ref a vocabulary from schemas/vocab',
  'lint.dupField': 'field "{field}" appears more than once in the layout',
  'lint.dupId': 'id "{id}" is used twice',
  'lint.dupDate': 'date {date} is listed more than once',
  'calendar.deps': 'wuye-kit calendar needs chinese-days (statutory holidays and makeup workdays; not a runtime dependency): npm install --save-dev chinese-days',
  'calendar.years': 'years are four digits, the first not after the last: {given}',
  'calendar.none': '{package} has no dates for {year} (it knows {known}); nothing written',
  'calendar.wrote': '{file}: {holidays} holidays, {workdays} makeup workdays',
  'compile.deps': 'wuye-kit compile needs ajv, ajv-formats and esbuild (they are not runtime dependencies): npm install --save-dev ajv ajv-formats esbuild',
  'compile.invalid': '{file} has errors; no validator written',
  'compile.unsafe': 'the generated validator contains "{what}"; refusing to write it',
  'compile.done': 'wrote {out} ({bytes} bytes, no imports, no eval) and {dts}',
  'serve.noConfig': 'name the config file with --config (e.g. wuye.config.json)',
  'serve.config': 'configuration error: {detail}',
  'serve.start': 'cannot start: {detail}',
  'serve.inUse': 'port {port} is in use: choose another',
  'serve.running': 'wuye-kit service running\n  API       {api}\n  database  {db}\nCtrl+C stops it.',
  'demo.embedded': 'wuye-kit demo portal (the engine in the browser, IndexedDB)\n  open      {url}/stories/portal/\nCtrl+C stops it.',
  'demo.running': 'wuye-kit demo portal (on the server)\n  open      {url}/stories/portal/\n  API       {url}/api/workflow\n  database  {db}\nCtrl+C stops it.',
});

export type CliTextKey = Parameters<typeof cliText>[1];
