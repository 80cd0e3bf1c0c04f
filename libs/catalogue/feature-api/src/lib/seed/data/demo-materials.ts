import type { SeedMaterial } from './seed-types';

type Entry = Omit<SeedMaterial, 'code' | 'required' | 'deferrable' | 'commitmentAllowed'> &
  Partial<Pick<SeedMaterial, 'required' | 'deferrable' | 'commitmentAllowed'>>;

/**
 * The materials the demo items ask for, by code. Items name them and may adjust one (e.g. make it
 * optional). 容缺 (deferrable) and 告知承诺 (commitment) follow common Sichuan practice: supporting
 * documents a centre can check later, never identity or the legal basis of the application.
 */
const LIBRARY: Record<string, Entry> = {
  SQB: { name: '申请书', sampleTitle: 'Application form (Shenqing shu)', description: '使用本中心统一格式，申请人签字（盖章）。', originalCount: 1, copyCount: 0 },
  YYZZ: { name: '营业执照', sampleTitle: 'Business licence (Yingye zhizhao)', description: '有效期内的营业执照副本；已通过共享核验的可免交。', originalCount: 1, copyCount: 1 },
  FDDBRSFZM: { name: '法定代表人身份证明', sampleTitle: 'ID of the legal representative (Fading daibiaoren shenfen zhengming)', description: '法定代表人居民身份证正反面。', originalCount: 1, copyCount: 1 },
  SQWTS: { name: '授权委托书', sampleTitle: 'Power of attorney (Shouquan weituo shu)', description: '委托他人办理时提交，并附受托人身份证明。', originalCount: 1, copyCount: 0, required: false },
  CSPMT: { name: '经营场所平面图', sampleTitle: 'Floor plan of the premises (Changsuo pingmian tu)', description: '标明功能区布局、面积和主要设备位置。', originalCount: 0, copyCount: 1, deferrable: true },
  CSSYQZM: { name: '场所使用权证明', sampleTitle: 'Right to use the premises (Changsuo shiyongquan zhengming)', description: '产权证明或租赁合同。', originalCount: 1, copyCount: 1, commitmentAllowed: true },
  SPAQGLZD: { name: '食品安全管理制度', sampleTitle: 'Food safety management rules (Shipin anquan guanli zhidu)', description: '进货查验、从业人员健康管理、食品安全自查等制度文本。', originalCount: 0, copyCount: 1, commitmentAllowed: true },
  SPAQGLRY: { name: '食品安全管理人员证明', sampleTitle: 'Food safety manager certificate (Shipin anquan guanli renyuan)', description: '食品安全管理人员培训考核合格证明。', originalCount: 1, copyCount: 1, deferrable: true },
  JKZM: { name: '从业人员健康证明', sampleTitle: 'Health certificates of staff (Congye renyuan jiankang zhengming)', description: '直接接触入口食品的从业人员有效健康证明。', originalCount: 1, copyCount: 1, deferrable: true },
  SBBJ: { name: '设备布局和工艺流程图', sampleTitle: 'Equipment layout and process flow (Shebei buju he gongyi liucheng)', description: '生产设备布局图和主要工艺流程图。', originalCount: 0, copyCount: 1 },
  ZLGLTX: { name: '质量管理体系文件', sampleTitle: 'Quality management documents (Zhiliang guanli tixi)', description: '质量手册、程序文件等。', originalCount: 0, copyCount: 1, commitmentAllowed: true },
  ZYRYZS: { name: '专业技术人员资格证明', sampleTitle: 'Qualifications of technical staff (Zhuanye jishu renyuan zige)', description: '执业药师、检验人员等专业技术人员的资格证书。', originalCount: 1, copyCount: 1 },
  SFZ: { name: '居民身份证', sampleTitle: 'Resident identity card (Jumin shenfenzheng)', description: '本人有效居民身份证。', originalCount: 1, copyCount: 1 },
  HKB: { name: '居民户口簿', sampleTitle: 'Household register (Jumin hukou bu)', description: '户主页和本人页。', originalCount: 1, copyCount: 1 },
  ZP: { name: '近期免冠照片', sampleTitle: 'Recent photograph (Jinqi mianguan zhaopian)', description: '近期正面免冠白底证件照，或现场采集。', originalCount: 1, copyCount: 0, deferrable: true },
  JSZ: { name: '机动车驾驶证', sampleTitle: 'Driving licence (Jidongche jiashizheng)', description: '与申请车型相符的有效机动车驾驶证。', originalCount: 1, copyCount: 1 },
  CLXSZ: { name: '机动车行驶证', sampleTitle: 'Vehicle licence (Jidongche xingshizheng)', description: '车辆有效行驶证。', originalCount: 1, copyCount: 1 },
  CLJSBG: { name: '车辆技术等级评定报告', sampleTitle: 'Vehicle technical grade report (Cheliang jishu dengji)', description: '有资质的机构出具的车辆技术等级评定报告。', originalCount: 0, copyCount: 1, commitmentAllowed: true },
  AQZD: { name: '安全生产管理制度', sampleTitle: 'Work safety rules (Anquan shengchan guanli zhidu)', description: '安全生产责任制、安全生产操作规程等。', originalCount: 0, copyCount: 1, commitmentAllowed: true },
  JSYZM: { name: '驾驶员从业资格证', sampleTitle: 'Driver qualification certificate (Jiashiyuan congye zige)', description: '拟聘用驾驶员的从业资格证。', originalCount: 1, copyCount: 1, deferrable: true },
  KSHGZM: { name: '考试合格证明', sampleTitle: 'Examination certificate (Kaoshi hege zhengming)', description: '从业资格考试合格证明。', originalCount: 1, copyCount: 0 },
  WFZJL: { name: '无犯罪记录证明', sampleTitle: 'Certificate of no criminal record (Wu fanzui jilu zhengming)', description: '户籍地或居住地公安机关出具，三个月内有效。', originalCount: 1, copyCount: 0 },
  YLSZPZ: { name: '医疗机构设置批准书', sampleTitle: 'Approval to set up a medical institution (Yiliao jigou shezhi pizhunshu)', description: '卫生健康行政部门出具的设置批准书（实行备案的除外）。', originalCount: 1, copyCount: 1 },
  YLGZZD: { name: '医疗机构规章制度', sampleTitle: 'Rules of the medical institution (Yiliao jigou guizhang zhidu)', description: '医疗质量、院感控制等规章制度。', originalCount: 0, copyCount: 1, commitmentAllowed: true },
  YWRYMD: { name: '医务人员名单及资格证明', sampleTitle: 'Medical staff list and qualifications (Yiwu renyuan mingdan)', description: '医师、护士等执业证书。', originalCount: 1, copyCount: 1 },
  WSJCBG: { name: '卫生检测报告', sampleTitle: 'Hygiene testing report (Weisheng jiance baogao)', description: '有资质的检测机构出具的空气、水质等卫生检测报告。', originalCount: 1, copyCount: 1, deferrable: true },
  FSYPJ: { name: '放射防护评价报告', sampleTitle: 'Radiation protection assessment (Fangshe fanghu pingjia)', description: '建设项目职业病危害放射防护预评价和控制效果评价报告。', originalCount: 1, copyCount: 1 },
  YSZGZ: { name: '医师资格证书', sampleTitle: 'Physician qualification certificate (Yishi zige zhengshu)', description: '医师资格证书。', originalCount: 1, copyCount: 1 },
  HSZGZ: { name: '护士执业资格考试成绩合格证明', sampleTitle: 'Nurse examination certificate (Hushi kaoshi hege)', description: '护士执业资格考试成绩合格证明。', originalCount: 1, copyCount: 1 },
  TJZM: { name: '健康体检证明', sampleTitle: 'Health examination report (Jiankang tijian zhengming)', description: '六个月内二级以上医疗机构出具的体检证明。', originalCount: 1, copyCount: 0 },
  JHZ: { name: '结婚证', sampleTitle: 'Marriage certificate (Jiehun zheng)', description: '夫妻双方结婚证。', originalCount: 1, copyCount: 1 },
  GHXKZ: { name: '建设工程规划许可证', sampleTitle: 'Construction planning permit (Jianshe gongcheng guihua xukezheng)', description: '自然资源和规划部门核发的规划许可证。', originalCount: 1, copyCount: 1 },
  SGHT: { name: '施工合同', sampleTitle: 'Construction contract (Shigong hetong)', description: '建设单位与施工单位签订的施工合同。', originalCount: 1, copyCount: 1, commitmentAllowed: true },
  ZJDWZM: { name: '建设资金已经落实承诺书', sampleTitle: 'Funding commitment (Jianshe zijin luoshi chengnuoshu)', description: '建设单位出具的资金落实承诺书。', originalCount: 1, copyCount: 0, commitmentAllowed: true },
  SGTSC: { name: '施工图设计文件审查合格书', sampleTitle: 'Construction drawing review certificate (Shigongtu shencha hegeshu)', description: '施工图审查机构出具的审查合格书。', originalCount: 1, copyCount: 1, deferrable: true },
  YSFA: { name: '商品房预售方案', sampleTitle: 'Pre-sale plan (Shangpinfang yushou fangan)', description: '预售房屋的位置、面积、竣工交付日期等。', originalCount: 1, copyCount: 0 },
  TDZ: { name: '不动产权证书（土地）', sampleTitle: 'Land title certificate (Budongchan quan zhengshu)', description: '国有土地使用权证明。', originalCount: 1, copyCount: 1 },
  ZZZS: { name: '企业资质证书', sampleTitle: 'Enterprise qualification certificate (Qiye zizhi zhengshu)', description: '现有资质证书正副本。', originalCount: 1, copyCount: 1 },
  JSRYZC: { name: '技术负责人职称证书', sampleTitle: 'Title certificate of the technical director (Jishu fuzeren zhicheng)', description: '技术负责人职称证书及社保证明。', originalCount: 1, copyCount: 1, commitmentAllowed: true },
  JZSZS: { name: '建造师资格证书', sampleTitle: 'Constructor qualification certificate (Jianzaoshi zige zhengshu)', description: '二级建造师资格证书。', originalCount: 1, copyCount: 1 },
  XFYSSB: { name: '消防验收申请表及竣工资料', sampleTitle: 'Fire acceptance application and completion files (Xiaofang yanshou)', description: '消防验收申请表、工程竣工验收报告、消防设施检测报告。', originalCount: 1, copyCount: 1 },
  JGYSBG: { name: '工程竣工验收报告', sampleTitle: 'Completion acceptance report (Gongcheng jungong yanshou baogao)', description: '建设单位组织的竣工验收报告。', originalCount: 1, copyCount: 1 },
  BAPXZM: { name: '保安员培训合格证明', sampleTitle: 'Security guard training certificate (Baoanyuan peixun hege)', description: '保安员考试合格证明。', originalCount: 1, copyCount: 0 },
  BAGSZC: { name: '保安服务公司章程', sampleTitle: 'Articles of the security company (Baoan fuwu gongsi zhangcheng)', description: '公司章程及出资证明。', originalCount: 1, copyCount: 1, commitmentAllowed: true },
  ZQZM: { name: '准予迁入证明', sampleTitle: 'Permit to move the household registration (Zhunyu qianru zhengming)', description: '迁入地公安机关出具的准迁证明。', originalCount: 1, copyCount: 0 },
  CSZM: { name: '出生医学证明', sampleTitle: 'Medical birth certificate (Chusheng yixue zhengming)', description: '子女出生医学证明（已出生的）。', originalCount: 1, copyCount: 1, required: false },
  GTMCBG: { name: '个体工商户变更登记申请书', sampleTitle: 'Change of registration form (Getihu biangeng dengji)', description: '经营者签字的变更登记申请书。', originalCount: 1, copyCount: 0 },
  ZYCSZM: { name: '经营场所证明', sampleTitle: 'Proof of business premises (Jingying changsuo zhengming)', description: '经营场所使用证明，可由申请人承诺。', originalCount: 1, copyCount: 0, commitmentAllowed: true },
};

export function demoMaterial(code: string): SeedMaterial {
  const entry = LIBRARY[code];
  if (!entry) throw new Error(`Unknown demo material ${code}`);
  return { code, required: true, deferrable: false, commitmentAllowed: false, ...entry };
}
