/** 简体中文: 领导驾驶舱大屏 (一屏通览). */
export const zhCNCockpitScreen = {
  'cockpitScreen.nav.screen': '驾驶舱大屏',

  'cockpitScreen.title': '{district}数字政府 · 领导驾驶舱',
  'cockpitScreen.empty': '暂无数据',

  'cockpitScreen.header.scope': '范围',
  'cockpitScreen.header.period': '统计周期',
  'cockpitScreen.header.current': '当前：',
  'cockpitScreen.header.updated': '数据更新于 {time}（{ago}）',
  'cockpitScreen.header.stale': '刷新失败，显示的是上次数据',
  'cockpitScreen.header.workbench': '返回工作台',

  'cockpitScreen.period.year': '本年',
  'cockpitScreen.period.month': '本月',
  'cockpitScreen.period.all': '全部',

  'cockpitScreen.scope.district': '全区',
  'cockpitScreen.scope.towns': '镇（街道）',
  'cockpitScreen.scope.departments': '部门',
  'cockpitScreen.scope.town': '镇（街道）',
  'cockpitScreen.scope.village': '村（社区）',
  'cockpitScreen.scope.department': '部门',

  'cockpitScreen.ago.seconds': '{n} 秒前',
  'cockpitScreen.ago.minutes': '{n} 分钟前',
  'cockpitScreen.ago.hours': '{n} 小时前',
  'cockpitScreen.ago.days': '{n} 天前',

  'cockpitScreen.promise.services': '一网通办',
  'cockpitScreen.promise.governance': '一脑通治',
  'cockpitScreen.promise.overview': '一屏通览',
  'cockpitScreen.promise.codes': '一码通服',
  'cockpitScreen.promise.indicators': '本板块指标',
  'cockpitScreen.promise.onTrack': '{n}/{total} 项正常',

  'cockpitScreen.panel.targets': '2025 年目标进度',
  'cockpitScreen.panel.map': '全区态势',
  'cockpitScreen.panel.feed': '实时动态',
  'cockpitScreen.panel.warnings': '预警督办',

  'cockpitScreen.status.on_track': '正常',
  'cockpitScreen.status.behind': '滞后',
  'cockpitScreen.status.below_warning': '低于预警线',
  'cockpitScreen.status.no_data': '无数据',

  'cockpitScreen.source.measured': '平台计算',
  'cockpitScreen.source.reported': '部门填报',

  'cockpitScreen.fresh.live': '实时',
  'cockpitScreen.fresh.computedNow': '刚刚计算',
  'cockpitScreen.fresh.computed': '{n} 分钟前计算',
  'cockpitScreen.fresh.reported': '填报于 {date}',
  'cockpitScreen.fresh.notReported': '尚未填报',

  'cockpitScreen.targets.target': '目标 {value}',
  'cockpitScreen.targets.grow': '持续增长',
  'cockpitScreen.targets.expected': '应达 {value}',
  'cockpitScreen.targets.summary': '全部指标，{n} 项滞后或低于预警线',

  'cockpitScreen.kind.event': '事件',
  'cockpitScreen.kind.application': '办件',
  'cockpitScreen.kind.alarm': '告警',
  'cockpitScreen.kind.inspection': '检查',
  'cockpitScreen.kind.warning': '预警',

  'cockpitScreen.layer.event': '事件',
  'cockpitScreen.layer.alarm': '告警',
  'cockpitScreen.layer.inspection': '检查',

  'cockpitScreen.map.label': '各镇（街道）在办事件分布图，点击镇（街道）下钻',
  'cockpitScreen.map.towns': '在办事件排行（点击下钻）',
  'cockpitScreen.map.backToDistrict': '返回全区',
  'cockpitScreen.map.legendOpen': '在办事件 少',
  'cockpitScreen.map.legendMore': '多',
  'cockpitScreen.map.tipOpen': '在办事件 {n} 件（累计 {total} 件）',
  'cockpitScreen.map.tipAlarms': '未消除告警 {n} 条',
  'cockpitScreen.map.tipInspections': '进行中的检查 {n} 项',
  'cockpitScreen.map.tipDrill': '点击查看该镇（街道）',

  'cockpitScreen.feed.empty': '暂无动态',

  'cockpitScreen.warnings.tab.open': '待督办',
  'cockpitScreen.warnings.tab.dispatched': '已督办',
  'cockpitScreen.warnings.empty.open': '没有待督办的预警',
  'cockpitScreen.warnings.empty.dispatched': '没有已督办的预警',
  'cockpitScreen.warnings.kind.warning_line': '低于预警线',
  'cockpitScreen.warnings.kind.trajectory': '落后目标进度',
  'cockpitScreen.warnings.dispatch': '督办',
  'cockpitScreen.warnings.dispatchFor': '督办：{name}',
  'cockpitScreen.warnings.dispatched': '已生成督办任务，交办{department}',
  'cockpitScreen.warnings.noOwner': '责任部门',
  'cockpitScreen.warnings.task': '查看督办任务',
};
