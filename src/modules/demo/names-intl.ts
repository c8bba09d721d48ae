/** Foreign customers: who they are, where, in which currency they are invoiced. */

export type Market = {
  readonly country: string;
  readonly currency: 'USD' | 'EUR';
  readonly region: string;
  readonly names: readonly string[];
  readonly fields: readonly string[];
  readonly forms: readonly string[];
  readonly tld: string;
  readonly phone: (digits: () => string) => string;
  readonly taxId: (digits: (n: number) => string) => string;
};

export const MARKETS: readonly (readonly [Market, number])[] = [
  [
    {
      country: 'DE',
      currency: 'EUR',
      region: '欧洲',
      names: ['Müller', 'Schmidt', 'Becker', 'Hoffmann', 'Wagner', 'Krüger', 'Wolf', 'Brandt'],
      fields: ['Präzisionstechnik', 'Maschinenbau', 'Elektronik', 'Verpackung', 'Antriebstechnik'],
      forms: ['GmbH', 'GmbH & Co. KG'],
      tld: 'de',
      phone: (d) => `+49 89 ${d().slice(0, 4)} ${d().slice(0, 4)}`,
      taxId: (d) => `DE${d(9)}`,
    },
    3,
  ],
  [
    {
      country: 'NL',
      currency: 'EUR',
      region: '欧洲',
      names: ['Van der Berg', 'De Vries', 'Jansen', 'Bakker', 'Visser'],
      fields: ['Trading', 'Industrial Supplies', 'Components', 'Logistics'],
      forms: ['B.V.'],
      tld: 'nl',
      phone: (d) => `+31 20 ${d().slice(0, 3)} ${d().slice(0, 4)}`,
      taxId: (d) => `NL${d(9)}B01`,
    },
    1,
  ],
  [
    {
      country: 'FR',
      currency: 'EUR',
      region: '欧洲',
      names: ['Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard'],
      fields: ['Industrie', 'Composants', 'Équipements', 'Distribution'],
      forms: ['SAS', 'SARL'],
      tld: 'fr',
      phone: (d) => `+33 1 ${d().slice(0, 2)} ${d().slice(0, 2)} ${d().slice(0, 2)} ${d().slice(0, 2)}`,
      taxId: (d) => `FR${d(11)}`,
    },
    1,
  ],
  [
    {
      country: 'IT',
      currency: 'EUR',
      region: '欧洲',
      names: ['Rossi', 'Bianchi', 'Colombo', 'Ricci', 'Marino'],
      fields: ['Meccanica', 'Elettronica', 'Componenti', 'Imballaggi'],
      forms: ['S.r.l.', 'S.p.A.'],
      tld: 'it',
      phone: (d) => `+39 02 ${d().slice(0, 4)} ${d().slice(0, 4)}`,
      taxId: (d) => `IT${d(11)}`,
    },
    1,
  ],
  [
    {
      country: 'US',
      currency: 'USD',
      region: '北美',
      names: ['Pacific', 'Great Lakes', 'Summit', 'Lone Star', 'Evergreen', 'Atlas', 'Keystone'],
      fields: ['Components', 'Industrial Supply', 'Electronics', 'Trading', 'Packaging'],
      forms: ['Inc.', 'LLC', 'Corp.'],
      tld: 'com',
      phone: (d) => `+1 415 555 ${d().slice(0, 4)}`,
      taxId: (d) => `${d(2)}-${d(7)}`,
    },
    4,
  ],
  [
    {
      country: 'GB',
      currency: 'USD',
      region: '欧洲',
      names: ['Thames', 'Pennine', 'Kingsway', 'Harbour', 'Avon'],
      fields: ['Engineering', 'Trading', 'Supplies', 'Electronics'],
      forms: ['Ltd'],
      tld: 'co.uk',
      phone: (d) => `+44 20 7946 ${d().slice(0, 4)}`,
      taxId: (d) => `GB${d(9)}`,
    },
    1,
  ],
  [
    {
      country: 'SG',
      currency: 'USD',
      region: '东南亚',
      names: ['Lion City', 'Marina', 'Golden Bay', 'Orient', 'Straits'],
      fields: ['Trading', 'Sourcing', 'Supply Chain', 'Marine Supplies'],
      forms: ['Pte. Ltd.'],
      tld: 'com.sg',
      phone: (d) => `+65 6${d().slice(0, 3)} ${d().slice(0, 4)}`,
      taxId: (d) => `20${d(7)}K`,
    },
    2,
  ],
  [
    {
      country: 'HK',
      currency: 'USD',
      region: '港澳台',
      names: ['Harbour Front', 'Victoria', 'Kowloon', 'Pearl River', 'Jade'],
      fields: ['Trading', 'International', 'Sourcing', 'Enterprise'],
      forms: ['Limited', 'Co., Limited'],
      tld: 'com.hk',
      phone: (d) => `+852 2${d().slice(0, 3)} ${d().slice(0, 4)}`,
      taxId: (d) => d(8),
    },
    2,
  ],
];

export const WESTERN_FIRST_NAMES: readonly string[] = [
  'Anna',
  'Thomas',
  'Michael',
  'Sarah',
  'David',
  'Laura',
  'Peter',
  'Julia',
  'James',
  'Emma',
  'Lukas',
  'Sophie',
  'Marco',
  'Chloé',
  'Daniel',
  'Olivia',
  'Kevin',
  'Grace',
];

export const WESTERN_LAST_NAMES: readonly string[] = [
  'Fischer',
  'Weber',
  'Smith',
  'Johnson',
  'Brown',
  'Martin',
  'Bernard',
  'Esposito',
  'de Jong',
  'Taylor',
  'Walker',
  'Tan',
  'Lim',
  'Wong',
  'Chan',
  'Miller',
  'Garcia',
  'Keller',
];
