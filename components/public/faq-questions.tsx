/**
 * 常见问题: the questions of seed 004 and the rules of seeds 000-003, answered in our own words with the
 * current figures of shared/DOMAIN.md (where a seed's 2016 figure is older, the answer says so), each
 * linking to the page that does it.
 */
import type { ReactNode } from "react";

export interface FaqItem {
  id: string;
  question: string;
  answer: ReactNode;
  links: { href: string; label: string }[];
}

export interface FaqGroup {
  id: string;
  title: string;
  items: FaqItem[];
}

export const FAQ: FaqGroup[] = [
  {
    id: "account",
    title: "个人账户",
    items: [
      {
        id: "account-pays",
        question: "职工医保个人账户可以支付哪些费用?",
        answer: (
          <>
            <p>可以支付:</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>在定点零售药店购药,以及门诊、急诊的医疗费用;</li>
              <li>统筹基金起付标准以下的费用,以及超过起付标准后按比例由个人负担的部分;</li>
              <li>本人购买的商业健康保险、意外伤害保险;</li>
              <li>在本市健身场所的体育健身服务费(只限服务费,器械、按摩等不能支付);</li>
              <li>在定点医院、定点药店购买的“食健字号”保健食品。</li>
            </ul>
            <p>
              不能提取现金(参保人去世或离开本市等特殊情况除外),也不能购买米、油等生活用品;套现等违规使用会被暂停刷卡结算。
              账户余额不足的部分由本人支付,已办理账户关联的,先用完自己的余额再使用提供人的账户。
            </p>
          </>
        ),
        links: [
          { href: "/institutions", label: "查定点医药机构" },
          { href: "/institutions?type=FITNESS", label: "查可用医保卡的健身场所" },
          { href: "/me/statement", label: "查看我的账户明细" },
        ],
      },
      {
        id: "fund-pays",
        question: "统筹基金支付哪些费用?",
        answer: (
          <>
            <ul className="list-disc space-y-1 pl-5">
              <li>住院治疗的医疗费用;</li>
              <li>恶性肿瘤放射治疗、肾透析、肾移植后服用抗排异药物等门诊特殊疾病的医疗费用;</li>
              <li>急诊抢救后转入住院的,住院前在急诊留观 7 日内的医疗费用。</li>
            </ul>
            <p>
              统筹基金只支付医保目录范围内、符合支付限定的费用;每种药品、诊疗项目属于甲类、乙类还是丙类,可在目录中查询。
            </p>
          </>
        ),
        links: [
          { href: "/drugs", label: "查药品目录" },
          { href: "/treatments", label: "查诊疗项目" },
        ],
      },
      {
        id: "account-credit",
        question: "每月有多少钱划入个人账户?",
        answer: (
          <p>
            2024 年 1 月起:在职职工本人缴纳的基本医疗保险费(缴费基数的
            2%)全部划入个人账户;退休人员按定额划入,不满 70 周岁每月 105 元,年满 70 周岁的从当月起每月 115
            元。退休人员每月 5
            元的大额医疗互助费和长期护理保险费从个人账户代扣。以个人身份参保选择一档的,不建立个人账户。
          </p>
        ),
        links: [
          { href: "/calculator?category=unit-employee", label: "在职职工缴费与划账测算" },
          { href: "/calculator?category=unit-retiree", label: "退休人员划账测算" },
        ],
      },
      {
        id: "balance",
        question: "怎样查询个人账户余额和明细?",
        answer: (
          <p>
            用社会保障卡号或身份证号登录本站“参保人”入口,可以看到账户余额(注明数据截至时间)和每一笔划入、支出,可按年度筛选。
            也可以通过“重庆市医疗保障局”微信公众号(服务大厅—个人查询—个人账户明细查询)、拨打 12333
            或医保查询电话 023-63892269,或携带身份证件和医保卡到经办机构窗口查询。
          </p>
        ),
        links: [
          { href: "/login", label: "参保人登录" },
          { href: "/me/statement", label: "个人账户明细" },
        ],
      },
      {
        id: "password",
        question: "第一次登录的密码是什么?",
        answer: (
          <p>
            初始密码是个人编号的后 6
            位。个人编号可以向所在单位索取,以个人身份参保的向参保经办机构索取。第一次登录后必须先修改密码,改好之后才能查询。
          </p>
        ),
        links: [{ href: "/login", label: "参保人登录" }],
      },
      {
        id: "linkage",
        question: "能用家人的个人账户看病买药吗?(个人账户关联)",
        answer: (
          <>
            <p>
              可以办理“个人账户关联使用”:使用人的医疗费用先从自己的账户支付,余额用完后才从提供人的账户支付。规则如下:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>只能一对一:不能一人关联多人,也不能形成多节点或循环关联;关联后双方都不能再参与其他关联。</li>
              <li>只能使用人花提供人的钱,反过来不行。</li>
              <li>双方都须参加重庆市职工医保且待遇正常;不同区县可以,外地参保或城乡居民医保不行。</li>
              <li>使用人填写申请,提供人带双方的身份证、社保卡复印件到提供人参保地的经办机构办理。</li>
              <li>要换人,先到原办理机构取消关联,再重新申请。</li>
            </ul>
          </>
        ),
        links: [
          { href: "/me/linkage", label: "在线填写关联申请" },
          { href: "/agencies", label: "经办机构地址" },
        ],
      },
      {
        id: "transfer",
        question: "医保关系转到外地,个人账户余额怎么办?",
        answer: (
          <p>
            跨省转移医保关系成功后,个人账户余额随之转入新参保地的个人账户。可通过“重庆市医疗保障局”微信公众号、官网公共服务平台、渝快办
            APP 或国家医保 APP
            重庆专区申请转入或转出。线上办理时提示“调用转出地校验规则校验失败”的,请联系转出地医保经办机构核实。
          </p>
        ),
        links: [{ href: "/agencies", label: "经办机构电话" }],
      },
      {
        id: "death",
        question: "参保人去世后,个人账户余额怎么处理?",
        answer: <p>继承人可以到经办机构申请支取账户余额。去世满 2 年仍无人申领的,余额转入统筹基金。</p>,
        links: [{ href: "/agencies", label: "经办机构地址" }],
      },
    ],
  },
  {
    id: "card",
    title: "社保卡",
    items: [
      {
        id: "card-loss",
        question: "社保卡丢了怎么办?",
        answer: (
          <>
            <ol className="list-decimal space-y-1 pl-5">
              <li>
                先预挂失:可以在本站登录后办理,也可以电话或到服务网点办理。预挂失有效期 10 天,期满自动解除;10
                天内找回卡的,可以撤销。
              </li>
              <li>确定找不回的,本人带身份证到服务网点正式挂失,同时申请补卡。正式挂失后不能撤销。</li>
              <li>补卡后约 15 个工作日,凭身份证和领卡证明领取新卡。</li>
            </ol>
            <p>挂失期间这张卡不能刷卡结算,医保电子凭证仍可正常使用。</p>
          </>
        ),
        links: [
          { href: "/me/card", label: "在线预挂失" },
          { href: "/agencies", label: "服务网点地址" },
        ],
      },
    ],
  },
  {
    id: "contributions",
    title: "缴费与待遇",
    items: [
      {
        id: "unit-rates",
        question: "随单位参加职工医保,每月缴多少?",
        answer: (
          <>
            <p>2024 年起的标准:</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>基本医疗保险:单位按缴费基数的 8.5%(含生育保险 0.5%),职工个人按 2%;</li>
              <li>大额医疗互助:单位按缴费基数的 1.5%,职工每人每月 5 元;</li>
              <li>长期护理保险:按缴费基数 0.1% 从医保基金划转、0.1% 从个人账户代扣。</li>
            </ul>
            <p>
              缴费基数为本人月工资,低于全市平均工资 60% 的按 60%、高于 300% 的按 300%
              计算。单位每月向税务部门申报缴纳,个人部分由单位从工资中代扣。 2016 年“单位 8%、大额互助 1%
              加每月 2 元”的标准已不再执行。
            </p>
          </>
        ),
        links: [{ href: "/calculator?category=unit-employee", label: "按工资测算每月缴费" }],
      },
      {
        id: "unit-arrears",
        question: "单位欠缴医保费,对职工待遇有什么影响?",
        answer: (
          <>
            <p>从欠费的次月起,单位职工暂停享受医保待遇。</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>3 个月内补缴的:从缴清的次月起恢复待遇,中断期间发生的医疗费用按规定支付。</li>
              <li>
                超过 3
                个月补缴的:从缴清的次月起恢复待遇,中断期间按规定补划个人账户,但这期间的医疗费用不予支付。
              </li>
            </ul>
            <p>单位补缴的费用先冲抵最早月份的欠费,不能选择冲抵哪个月。</p>
          </>
        ),
        links: [
          { href: "/unit", label: "单位查询欠费情况" },
          { href: "/me/contributions", label: "查看我的缴费记录" },
        ],
      },
      {
        id: "individual",
        question: "怎样以个人身份参加职工医保(灵活就业)?",
        answer: (
          <>
            <p>
              可以到户籍地、居住地或就业地的医保经办机构办理参保登记,也可以通过“重庆市医疗保障局”微信公众号、官网公共服务平台或国家医保
              APP 重庆专区在线登记。审核通过后,通过电子税务局、“重庆税务”公众号、渝快办等渠道向税务部门缴费。
            </p>
            <p>
              2025 年缴费基数 61500 元:一档每年 3075 元(基本医疗 4% 加大额互助 1%),二档每年 6765 元(10% 加
              1%)。一档不建立个人账户。
            </p>
          </>
        ),
        links: [
          { href: "/calculator?category=individual-tier1", label: "灵活就业缴费测算" },
          { href: "/agencies", label: "经办机构地址" },
        ],
      },
      {
        id: "individual-ltc",
        question: "以个人身份参保的,长期护理保险怎么缴?",
        answer: (
          <p>2024 年每人每年 126 元,2025 年 132 元。一档人员与医保费一起缴纳,二档人员从个人账户按月代扣。</p>
        ),
        links: [{ href: "/calculator?category=individual-tier2", label: "二档缴费测算" }],
      },
      {
        id: "waiting",
        question: "什么情况下有待遇等待期?能同时参加职工医保和居民医保吗?",
        answer: (
          <>
            <p>不能重复参保,同一时间只能参加一种基本医疗保险。</p>
            <p>
              第一次以个人身份参加职工医保,或中断缴费超过 3 个月后接续的,有 6 个月待遇等待期。已连续参保 2
              年以上、因就业等原因在职工医保和居民医保之间切换、中断不超过 3
              个月并按规定补缴的,没有等待期,中断期间的待遇可以追溯享受。
            </p>
          </>
        ),
        links: [{ href: "/me", label: "查看我的待遇状态" }],
      },
      {
        id: "refund",
        question: "个人参保后又随单位参保,重复缴的钱能退吗?",
        answer: (
          <p>
            按年缴费的个人参保人员转为随单位参保、形成重复缴费且重复期间未享受个人参保待遇的,可在次年到现参保地经办机构申请退还重复期间个人缴纳的费用,已划入个人账户的部分要扣除。
          </p>
        ),
        links: [{ href: "/agencies", label: "经办机构地址" }],
      },
      {
        id: "retirement",
        question: "退休时医保缴费年限不够怎么办?",
        answer: (
          <p>
            退休时享受职工医保待遇,需要累计缴费年限男满 30 年、女满 25 年,其中在本市实际缴费满 10
            年。随单位参保的,可由单位一次性补缴不足的年限:单位上年度职工平均月缴费基数 × 8% × 差的月数(例如差
            19 个月、基数 4775 元,补缴 7258
            元),由单位经办人到参保地经办机构办理;也可以转为以个人身份参加职工医保或参加城乡居民医保。
          </p>
        ),
        links: [
          { href: "/calculator/retirement", label: "退休缴费年限测算" },
          { href: "/me/retirement", label: "查看我的缴费年限" },
        ],
      },
    ],
  },
  {
    id: "resident",
    title: "城乡居民医保",
    items: [
      {
        id: "resident-enrol",
        question: "城乡居民医保怎样参保缴费?缴多少?",
        answer: (
          <p>
            首次参保的,可以通过“重庆市医疗保障局”微信公众号、官网公共服务平台、渝快办、重庆医保 APP 或国家医保
            APP
            重庆专区在线登记,也可以带有效证件到户籍地街道(乡镇)社保所办理。登记后通过“重庆税务”公众号、渝快办等选档缴费。2026
            年个人缴费一档每人 400 元、二档每人 775 元。 在本市取得居住证的市外户籍人员也可以参加。
          </p>
        ),
        links: [{ href: "/calculator?category=resident-tier1", label: "居民医保缴费测算" }],
      },
      {
        id: "resident-records",
        question: "怎样查询居民医保缴费是否成功?",
        answer: (
          <p>
            可以在“重庆税务”公众号查询缴费订单,或在“重庆市医疗保障局”公众号的服务大厅—缴费记录查询—居民缴费中查看,也可以到参保地税务部门或医保经办机构查询。
          </p>
        ),
        links: [{ href: "/agencies", label: "经办机构电话" }],
      },
      {
        id: "resident-refund",
        question: "居民医保进入待遇享受期后还能退费吗?",
        answer: <p>已经进入待遇享受期的,暂停参保后个人缴费不再退回。具体退费问题可以咨询参保地税务部门。</p>,
        links: [],
      },
    ],
  },
  {
    id: "catalogue",
    title: "目录与定点机构",
    items: [
      {
        id: "catalogue-class",
        question: "药品和诊疗项目的甲类、乙类、丙类有什么区别?",
        answer: (
          <p>
            甲类在医保支付范围内,按规定由统筹基金支付;乙类也在支付范围内,但个人要先按规定比例自付一部分;丙类不在医保目录范围内,统筹基金不予支付。“限……”是支付限定条件,不符合条件时由个人负担。
          </p>
        ),
        links: [
          { href: "/drugs", label: "查药品目录" },
          { href: "/treatments", label: "查诊疗项目" },
        ],
      },
      {
        id: "designated",
        question: "在哪里可以用医保卡结算?",
        answer: (
          <p>
            在定点医疗机构就医、定点零售药店购药可以直接用社保卡或医保电子凭证结算;职工医保个人账户还可以在本市指定的健身场所支付健身服务费。住院时出示医保卡,统筹基金支付的部分由医保部门与医院结算,个人只需支付自付部分。
          </p>
        ),
        links: [{ href: "/institutions", label: "查定点医药机构" }],
      },
    ],
  },
];
