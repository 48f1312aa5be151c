/** The procedures Nghị quyết 66.7/2025/NQ-CP amends from 1 January 2026 in the bundled catalogue. */
export const AMENDED_BY_66_7 = ['1.000656', '1.000894', '1.001193', '1.004194', '1.004222', '2.001199', '2.001583', '2.001610', '2.002042', '2.002043'];

/** Those a provincial chair announces: residence registration (1.004194, 1.004222) is announced by Bộ Công an itself (vertically organised, registry announcesLocalProcedures). */
export const PROVINCE_ANNOUNCES_66_7 = AMENDED_BY_66_7.filter((c) => c !== '1.004194' && c !== '1.004222');
