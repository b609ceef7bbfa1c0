/** A division row as imported (region packs, admin import). */
export interface DivisionInput {
  code: string;
  name: string;
  level: 'district' | 'town' | 'village';
  kind: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  replacedBy: string | null;
  lng: number | null;
  lat: number | null;
  sort: number;
}

export interface CreateDepartmentInput {
  code: string;
  name: string;
  nameEn: string;
  divisionCode: string;
  parentId?: string | null;
  kind: 'bureau' | 'town_office' | 'centre' | 'other';
  sort?: number;
}

export interface UpdateDepartmentInput {
  name?: string;
  nameEn?: string;
  active?: boolean;
  parentId?: string | null;
}

export interface CreateGridInput {
  code: string;
  name: string;
  villageCode: string;
  parentId?: string | null;
}

export interface UpdateGridInput {
  name?: string;
  workerId?: string | null;
}
