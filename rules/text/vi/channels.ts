/** Channels of filing (cách thức thực hiện): in person, online (portals, online service level), by post. */
import type { Channel, ChannelKind } from '../../schema/types/procedure-version.generated.js';
import { lowerFirst } from './words.js';

export const CHANNEL_VI: Record<ChannelKind, string> = {
  'in-person': 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

export const PORTAL_VI = {
  'national-portal': 'Cổng Dịch vụ công quốc gia',
  'provincial-portal': 'Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh',
  vneid: 'Ứng dụng VNeID',
  'ministry-system': 'Hệ thống thông tin giải quyết thủ tục hành chính của bộ, ngành',
} as const;

export const ONLINE_SERVICE_VI = { full: 'Dịch vụ công trực tuyến toàn trình', partial: 'Dịch vụ công trực tuyến một phần' } as const;

/** "trực tiếp, trực tuyến": the channels a fee is limited to, mid-sentence. */
export function formatChannelList(kinds: readonly ChannelKind[]): string {
  return kinds.map((k) => lowerFirst(CHANNEL_VI[k])).join(', ');
}

/** Where to file on a channel: the office for paper channels, the portals for online filing. */
export function formatWhere(channel: Channel): string {
  if (channel.where) return channel.where;
  if (channel.kind === 'online' && channel.portals && channel.portals.length > 0) return channel.portals.map((p) => PORTAL_VI[p]).join('; ');
  return '';
}

/** Online service level of a channel, including none (NĐ 42/2022/NĐ-CP). */
export function formatOnlineService(level: 'full' | 'partial' | undefined): string {
  return level ? ONLINE_SERVICE_VI[level] : 'Không có dịch vụ công trực tuyến';
}
