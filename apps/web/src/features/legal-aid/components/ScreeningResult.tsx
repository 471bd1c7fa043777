import { Alert, Descriptions, Tag } from 'antd';
import type { Screening } from '../api/legal-aid.api';

/** 《法律援助法》第三十一条、第四十二条、第四十四条 screening: subject matter, means-test exemption with its reason, urgency (≤7 days). */
export function ScreeningResult({ s }: { s: Screening }) {
  return (
    <>
      {s.urgent ? (
        <Alert
          type="error"
          showIcon
          data-testid="legal-aid-urgent"
          title={`紧急：距期限届满仅剩${s.daysLeft}日，可先行提供法律援助（《法律援助法》第四十四条）`}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            label: '援助事项',
            children: s.eligible ? (
              s.claimLabels.map((l) => (
                <Tag color="green" key={l}>
                  {l}
                </Tag>
              ))
            ) : (
              <Tag>不属于援助事项</Tag>
            ),
          },
          {
            label: '经济困难核查',
            children: s.meansTestExempt ? (
              <span data-testid="legal-aid-exempt">
                <Tag color="blue">免予核查</Tag>
                {s.exemptionReason}
              </span>
            ) : (
              '须由法律援助机构核查经济困难状况（《法律援助法》第四十一条）'
            ),
          },
          { label: '结论', children: s.reason },
          { label: '依据', children: s.basis },
        ]}
      />
    </>
  );
}
