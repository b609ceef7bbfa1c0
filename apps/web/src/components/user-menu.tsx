import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

export function UserMenu() {
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const t = useT();
  if (!me) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: <span data-testid="change-password">{t('user.changePassword')}</span>,
          },
          {
            key: 'api-keys',
            icon: <ApiOutlined />,
            label: <span data-testid="api-keys">{t('user.apiKeys')}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('user.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'api-keys') navigate('/me/api-keys');
          if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
        },
      }}
    >
      <Button data-testid="user-menu" icon={<UserOutlined />} aria-haspopup="menu">
        {me.displayName} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
