/** An SL 651-2014 element (要素, 附录 C 表 C.1) in HEX/BCD mode. */
export interface Sl651Element {
  /** The standard's mnemonic (`Z`, `PJ`). */
  mnemonic: string;
  /** Our metric code, or null for elements that carry no measurement (status, time step). */
  metric: string | null;
  unit: string;
  nameZh: string;
  nameEn: string;
  /** N(digits, decimals) of the standard: the data-definition byte is (ceil(digits/2) << 3) | decimals. */
  digits: number;
  decimals: number;
}

const el = (
  mnemonic: string,
  metric: string | null,
  unit: string,
  nameZh: string,
  nameEn: string,
  digits: number,
  decimals: number,
): Sl651Element => ({ mnemonic, metric, unit, nameZh, nameEn, digits, decimals });

/**
 * Element identifiers we map, keyed by identifier byte. Identifiers and N(x,y) were checked
 * against three public implementations that agree (a Java and a C# element enum, a C RTU
 * firmware header), and against two real frames whose CRC verifies; the standard's own table
 * was not available. Where only one source had it, the line says (assumed).
 * Note: 瞬时气温 is 0x02 and 0x03 is 瞬时水温; 0x04 is the time-step code and 遥测站状态及报警信息
 * ZT is 0x45 — the brief's 0x03/0x04 did not match any source.
 */
export const SL651_ELEMENTS: Readonly<Record<number, Sl651Element>> = {
  2: el('AI', 'air_temp', '℃', '瞬时气温', 'Air temperature', 3, 1),
  3: el('C', 'water_temp', '℃', '瞬时水温', 'Water temperature', 3, 1),
  4: el('DRxnn', null, '', '时间步长码', 'Time step (DDHHmm)', 6, 0),
  24: el('MST', 'humidity', '%', '湿度', 'Humidity', 4, 1), // mnemonic (assumed)
  26: el('P1', 'rain_1h', 'mm', '1小时时段降水量', 'Rainfall, last hour', 5, 1),
  31: el('PD', 'rain_day', 'mm', '日降水量', 'Daily rainfall', 5, 1),
  32: el('PJ', 'rain_current', 'mm', '当前降水量', 'Current rainfall', 5, 1),
  34: el('PN05', 'rain_5min', 'mm', '5分钟时段降水量', 'Rainfall, 5 minutes', 5, 1),
  38: el('PT', 'rain_total', 'mm', '降水量累计值', 'Accumulated rainfall', 6, 1),
  39: el('Q', 'flow', 'm³/s', '瞬时流量、抽水流量', 'Instantaneous discharge', 9, 3),
  53: el('US', 'wind_speed', 'm/s', '风速', 'Wind speed', 4, 1),
  56: el('VT', 'battery_voltage', 'V', '电源电压', 'Supply voltage', 4, 2),
  57: el('Z', 'water_level', 'm', '瞬时河道水位、潮位', 'River stage / tide level', 7, 3),
  58: el('ZB', 'water_level_downstream', 'm', '库(闸、站)下水位', 'Tailwater level', 7, 3),
  // Reservoirs report their level as ZU; it is the same quantity as a river's Z for us.
  59: el('ZU', 'water_level', 'm', '库(闸、站)上水位', 'Headwater (reservoir) level', 7, 3),
  69: el('ZT', null, '', '遥测站状态及报警信息', 'Station status and alarms (4 bytes HEX)', 8, 0),
  70: el('PH', 'ph', '', 'pH值', 'pH', 4, 2), // mnemonic (assumed)
  71: el('DO', 'dissolved_oxygen', 'mg/L', '溶解氧', 'Dissolved oxygen', 4, 2), // mnemonic (assumed)
  76: el('NH4N', 'ammonia_n', 'mg/L', '氨氮', 'Ammonia nitrogen', 6, 2), // mnemonic (assumed)
  77: el('TP', 'total_p', 'mg/L', '总磷', 'Total phosphorus', 5, 3), // mnemonic (assumed)
};

/** Our metric code for an identifier; unmapped ones become `sl651_<hex id>`. */
export function sl651Metric(id: number): string {
  const known = Object.hasOwn(SL651_ELEMENTS, id) ? SL651_ELEMENTS[id].metric : null;
  return known ?? `sl651_${id.toString(16).padStart(2, '0')}`;
}
