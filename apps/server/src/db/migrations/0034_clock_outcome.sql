-- What closing a clock achieved (e.g. 受理立案, 通知补正, 准予撤回): a met clock says what actually
-- happened, not only that it was closed in time. NULL for open clocks and for clocks closed before.
ALTER TABLE clock ADD COLUMN outcome text;
