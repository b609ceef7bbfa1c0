import type { ThemeConfig } from 'antd';

const PRIMARY = '#1554ad';

export const standardTheme: ThemeConfig = {
  token: { colorPrimary: PRIMARY, borderRadius: 6 },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff' } },
};

// 关怀模式: large type, large targets, black text on white, one strong blue. No light greys for text,
// because low-contrast grey is the first thing older eyes lose.
const STRONG_PRIMARY = '#0040a0';
export const elderTheme: ThemeConfig = {
  token: {
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    fontSizeHeading1: 36,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 24,
    fontSizeHeading5: 22,
    lineHeight: 1.6,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    colorPrimary: STRONG_PRIMARY,
    colorLink: STRONG_PRIMARY,
    colorInfo: STRONG_PRIMARY,
    colorSuccess: '#006b21',
    colorError: '#b00000',
    colorWarning: '#8a4b00',
    colorText: '#000000',
    colorTextHeading: '#000000',
    colorTextSecondary: '#000000',
    colorTextTertiary: '#1a1a1a',
    colorTextQuaternary: '#262626',
    colorTextDescription: '#000000',
    colorTextLabel: '#000000',
    colorTextPlaceholder: '#333333',
    colorTextDisabled: '#404040',
    colorIcon: '#000000',
    colorBgContainer: '#ffffff',
    colorBgLayout: '#ffffff',
    colorBorder: '#000000',
    colorBorderSecondary: '#595959',
    lineWidth: 2,
    borderRadius: 4,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 80 },
    Menu: {
      itemHeight: 56,
      itemColor: '#000000',
      itemSelectedColor: '#ffffff',
      itemSelectedBg: STRONG_PRIMARY,
    },
    Table: { headerColor: '#000000', headerBg: '#e6ecf5', rowHoverBg: '#e6ecf5' },
    Tag: { defaultColor: '#000000' },
  },
};
