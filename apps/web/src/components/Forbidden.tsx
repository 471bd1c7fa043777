import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function Forbidden({ reason }: { reason?: string }) {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={reason ?? '您当前的岗位没有访问此页面的权限，如需开通请联系系统管理员。'}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
