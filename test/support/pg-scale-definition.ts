// A small workflow for the scale-out test: an open ticket takes notes; its SLA clock (calendar
// time, 1 s) warns at half time, breaches at 1 s and escalates 1 s later — three timers per
// instance that fall due while commands keep arriving.
export const SCALE_DEFINITION = {
  id: 'scale-ticket',
  version: 1,
  title: { 'zh-CN': '压力测试工单', en: 'Scale test ticket' },
  roles: [{ id: 'agent', title: { 'zh-CN': '客服', en: 'Agent' } }],
  initial: 'open',
  states: [
    { id: 'open', title: { 'zh-CN': '处理中', en: 'Open' } },
    { id: 'closed', title: { 'zh-CN': '已关闭', en: 'Closed' }, final: true },
  ],
  transitions: [
    { event: 'note', title: { 'zh-CN': '记录', en: 'Note' }, from: ['open'], roles: ['agent'] },
    { event: 'close', title: { 'zh-CN': '关闭', en: 'Close' }, from: ['open'], to: 'closed', roles: ['agent'] },
  ],
  clocks: [
    {
      id: 'sla',
      title: { 'zh-CN': '处理时限', en: 'Handling deadline' },
      start: ['open'],
      stop: ['closed'],
      limit: 'PT1S',
      time: 'calendar',
      warning: 0.5,
      warn: ['agent'],
      escalation: [{ after: 'PT1S', action: 'notify', role: 'agent' }],
    },
  ],
} as const;
