-- Public statistics (统计数据公开, issue #18 item 6): the figures the bureau chooses to publish on the portal.
-- Off until a leader turns it on; `rows` names rows of the statutory tables (packages/domain/src/statistics).
INSERT INTO setting (key, value, label, basis) VALUES
  ('statistics.publication',
   '{"enabled": false, "rows": [{"table": "arbitration", "row": "02"}, {"table": "arbitration", "row": "05"}, {"table": "arbitration", "row": "12"}, {"table": "mediation", "row": "01"}, {"table": "mediation", "row": "12"}]}',
   '门户公开的统计数据（开关与指标）',
   '《政府信息公开条例》第二十条（主动公开统计信息）；少于5的数字不公开，防止识别个人')
ON CONFLICT (key) DO NOTHING;
