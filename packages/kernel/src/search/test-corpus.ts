// A searchable test record.
export interface CorpusDoc {
  id: string;
  title: string;
  body: string;
}

const places = [
  ['锦屏街道', '南山社区'],
  ['岳林街道', '东门社区'],
  ['江口街道', '周家村'],
  ['西坞街道', '金峨村'],
  ['萧王庙街道', '青云村'],
  ['方桥街道', '三桥村'],
  ['溪口镇', '岩头村'],
  ['莼湖镇', '栖凤村'],
  ['尚田镇', '鸣雁村'],
  ['大堰镇', '柏坑村'],
  ['松岙镇', '湖头渡村'],
  ['裘村镇', '黄贤村'],
];

const problems = [
  ['道路坑洼破损', '路面坑洼破损，雨天积水，车辆通行困难'],
  ['路灯不亮', '夜间路灯不亮，行人出行不便'],
  ['垃圾清运不及时', '垃圾桶满溢，清运不及时，气味难闻'],
  ['违章搭建', '有住户在屋顶违章搭建彩钢棚'],
  ['噪音扰民', '工地夜间施工噪音扰民'],
  ['河道漂浮物', '河道水面漂浮物较多，需要保洁'],
  ['占道经营', '流动摊贩占道经营，影响交通'],
  ['井盖缺失', '人行道井盖缺失，存在安全隐患'],
];

// 192 grassroots events (12 townships × 8 problems × 2 wordings) and a few named records.
export function corpus(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  places.forEach(([town, village], t) => {
    problems.forEach(([problem, detail], p) => {
      docs.push({ id: `e${t}-${p}-a`, title: `${town}${village}${problem}`, body: `群众反映：${detail}。` });
      docs.push({
        id: `e${t}-${p}-b`,
        title: `${problem}（${town}）`,
        body: `12345热线转办：${village}附近${detail}，请${town}综合执法队处理。`,
      });
    });
  });
  docs.push(
    { id: 'rsj', title: '宁波市奉化区人力资源和社会保障局', body: '办理社会保险参保登记、就业创业服务' },
    { id: 'shebao', title: '社保卡补办', body: '社保卡遗失后可到奉化区政务服务中心补办' },
    { id: 'dibao', title: '最低生活保障申请', body: '申请人向户籍所在地镇（街道）提交材料' },
    { id: 'credit', title: '企业变更登记', body: '统一社会信用代码：91330283MA2AXXXX1Q' },
    { id: 'estate', title: '不动产登记预约', body: '奉化区不动产登记中心' },
    { id: 'lamp-title', title: '路灯维修', body: '溪口镇' },
    { id: 'lamp-body', title: '市政设施', body: '路灯维修进度查询' },
    { id: 'near', title: '来电', body: '道路坑洼' },
    { id: 'far', title: '来电', body: `道路${'，情况说明'.repeat(20)}，有坑洼` },
  );
  return docs;
}
