import type { zhCNCockpitScreen } from './zh-CN.cockpit-screen';

/** English: the leadership cockpit's big screen. */
export const enUSCockpitScreen: Record<keyof typeof zhCNCockpitScreen, string> = {
  'cockpitScreen.nav.screen': 'Cockpit big screen',

  'cockpitScreen.title': '{district} Digital Government · Leadership Cockpit',
  'cockpitScreen.empty': 'No data',

  'cockpitScreen.header.scope': 'Scope',
  'cockpitScreen.header.period': 'Period',
  'cockpitScreen.header.current': 'Showing: ',
  'cockpitScreen.header.updated': 'Data as of {time} ({ago})',
  'cockpitScreen.header.stale': 'refresh failed, showing the last data',
  'cockpitScreen.header.workbench': 'Back to workbench',

  'cockpitScreen.period.year': 'This year',
  'cockpitScreen.period.month': 'This month',
  'cockpitScreen.period.all': 'All time',

  'cockpitScreen.scope.district': 'Whole district',
  'cockpitScreen.scope.towns': 'Towns and subdistricts',
  'cockpitScreen.scope.departments': 'Departments',
  'cockpitScreen.scope.town': 'Town or subdistrict',
  'cockpitScreen.scope.village': 'Village or community',
  'cockpitScreen.scope.department': 'Department',

  'cockpitScreen.ago.seconds': '{n} s ago',
  'cockpitScreen.ago.minutes': '{n} min ago',
  'cockpitScreen.ago.hours': '{n} h ago',
  'cockpitScreen.ago.days': '{n} d ago',

  'cockpitScreen.promise.services': 'One-stop online services',
  'cockpitScreen.promise.governance': 'One-brain governance',
  'cockpitScreen.promise.overview': 'One-screen overview',
  'cockpitScreen.promise.codes': 'One-code services',
  'cockpitScreen.promise.indicators': 'Indicators of this promise',
  'cockpitScreen.promise.onTrack': '{n}/{total} on track',

  'cockpitScreen.panel.targets': 'Progress to the 2025 targets',
  'cockpitScreen.panel.map': 'District situation',
  'cockpitScreen.panel.feed': 'Live feed',
  'cockpitScreen.panel.warnings': 'Warnings and supervision',

  'cockpitScreen.status.on_track': 'On track',
  'cockpitScreen.status.behind': 'Behind',
  'cockpitScreen.status.below_warning': 'Below warning line',
  'cockpitScreen.status.no_data': 'No data',

  'cockpitScreen.source.measured': 'Measured',
  'cockpitScreen.source.reported': 'Reported',

  'cockpitScreen.fresh.live': 'Live',
  'cockpitScreen.fresh.computedNow': 'computed just now',
  'cockpitScreen.fresh.computed': 'computed {n} min ago',
  'cockpitScreen.fresh.reported': 'reported {date}',
  'cockpitScreen.fresh.notReported': 'not reported yet',

  'cockpitScreen.targets.target': 'target {value}',
  'cockpitScreen.targets.grow': 'growth',
  'cockpitScreen.targets.expected': 'due {value}',
  'cockpitScreen.targets.summary': 'All indicators, {n} behind or below the warning line',

  'cockpitScreen.kind.event': 'Event',
  'cockpitScreen.kind.application': 'Application',
  'cockpitScreen.kind.alarm': 'Alarm',
  'cockpitScreen.kind.inspection': 'Inspection',
  'cockpitScreen.kind.warning': 'Warning',

  'cockpitScreen.layer.event': 'Events',
  'cockpitScreen.layer.alarm': 'Alarms',
  'cockpitScreen.layer.inspection': 'Inspections',

  'cockpitScreen.map.label': 'Open events by town; click a town to drill down',
  'cockpitScreen.map.towns': 'Open events by town (click to drill down)',
  'cockpitScreen.map.backToDistrict': 'Back to district',
  'cockpitScreen.map.legendOpen': 'Open events: few',
  'cockpitScreen.map.legendMore': 'many',
  'cockpitScreen.map.tipOpen': '{n} open events ({total} in all)',
  'cockpitScreen.map.tipAlarms': '{n} active alarms',
  'cockpitScreen.map.tipInspections': '{n} inspections under way',
  'cockpitScreen.map.tipDrill': 'Click to show this town',

  'cockpitScreen.feed.empty': 'Nothing new',

  'cockpitScreen.warnings.tab.open': 'To dispatch',
  'cockpitScreen.warnings.tab.dispatched': 'Dispatched',
  'cockpitScreen.warnings.empty.open': 'No warnings waiting',
  'cockpitScreen.warnings.empty.dispatched': 'No dispatched warnings',
  'cockpitScreen.warnings.kind.warning_line': 'below warning line',
  'cockpitScreen.warnings.kind.trajectory': 'behind the target path',
  'cockpitScreen.warnings.dispatch': 'Dispatch',
  'cockpitScreen.warnings.dispatchFor': 'Dispatch: {name}',
  'cockpitScreen.warnings.dispatched': 'Supervision task created for {department}',
  'cockpitScreen.warnings.noOwner': 'the owner department',
  'cockpitScreen.warnings.task': 'Open task',
};
