import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { PetitionDetail } from '../features/petitions/components/PetitionDetail';
import { RegisterPetitionModal } from '../features/petitions/components/RegisterPetitionModal';
import { usePetitions } from '../features/petitions/hooks/use-petitions';
import { chineseDateOfInstant } from '../lib/time';

/** Petition work area (信访维权咨询窗口): register, classify, negotiate, transfer, 释明 and print. */
export default function PetitionsPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('id') ?? undefined;
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const list = usePetitions(filter === 'open' ? true : undefined);
  const [open, setOpen] = useState(false);
  const select = (id: string) => setParams({ id });
  return (
    <>
      <PageHeader title="信访登记与处理">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="petition-new"
        >
          信访登记
        </Button>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            extra={
              <Segmented
                size="small"
                value={filter}
                onChange={(v) => setFilter(v as 'open' | 'all')}
                options={[
                  { value: 'open', label: '办理中' },
                  { value: 'all', label: '全部' },
                ]}
              />
            }
          >
            <List
              loading={list.isPending}
              dataSource={list.data?.items ?? []}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有信访事项" />,
              }}
              renderItem={(p) => (
                <List.Item
                  onClick={() => select(p.id)}
                  style={{ cursor: 'pointer', background: p.id === selected ? '#e6f4ff' : undefined }}
                  data-testid="petition-item"
                >
                  <Space orientation="vertical" size={0}>
                    <Space size={4} wrap>
                      <Typography.Text strong>{p.petitionerName}</Typography.Text>
                      <Tag>{p.formLabel}</Tag>
                      <Tag color="processing">{p.stateLabel}</Tag>
                    </Space>
                    <Typography.Text>{p.request}</Typography.Text>
                    <Typography.Text type="secondary">
                      {p.caseNumber} · {chineseDateOfInstant(p.createdAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {selected ? (
            <PetitionDetail id={selected} />
          ) : (
            <Card size="small">
              <Empty description="请选择或登记信访事项" />
            </Card>
          )}
        </Col>
      </Row>
      <RegisterPetitionModal open={open} onClose={() => setOpen(false)} onCreated={select} />
    </>
  );
}
