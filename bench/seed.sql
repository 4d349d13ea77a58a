-- A realistic campaign for bench/run.sh: a network template with macros, five offers (one CPC in
-- EUR, so the click converts revenue), three streams with country filters.
PRAGMA foreign_keys = ON;
UPDATE settings SET ExchangeRates = '{"EUR":1.08}', Version = Version + 1 WHERE Id = 1;

INSERT INTO affiliate_networks (Name, OfferParameters, PostbackParameters, TemplateKey, Notes, State, Version, CreatedAt, UpdatedAt)
VALUES ('Bench Network', '&sub1={subid}&sub2={sub_id_1}&sub3={source}&geo={country}', '', NULL, '', 'Active', 1,
        '2026-01-01 00:00:00', '2026-01-01 00:00:00');

INSERT INTO offers (Name, GroupId, AffiliateNetworkId, RedirectType, Url, IsLocal, LocalKey, Countries, PayoutType, PayoutAuto,
                    PayoutMicros, PayoutCurrency, Rebills, Notes, State, Version, CreatedAt, UpdatedAt,
                    cap_alternative_offer_id, cap_daily_limit, cap_enabled, cap_time_zone)
VALUES
  ('Casino DE',    NULL, 1, 'Http', 'https://de.offers.example/lp?o=101&kw={keyword}',      0, NULL, '["DE","AT"]', 'Cpa', 0, 25000000, 'EUR', 0, '', 'Active', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, 0, 0, 'UTC'),
  ('Casino AT',    NULL, 1, 'Http', 'https://at.offers.example/lp?o=102&kw={keyword}',      0, NULL, '["AT"]',      'Cpa', 0, 20000000, 'EUR', 0, '', 'Active', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, 0, 0, 'UTC'),
  ('Sweeps US',    NULL, 1, 'Http', 'https://us.offers.example/sweeps?o=201&cr={creative_id}', 0, NULL, '["US"]',   'Cpa', 0, 3500000,  'USD', 0, '', 'Active', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, 0, 0, 'UTC'),
  ('Nutra US',     NULL, 1, 'Http', 'https://us.offers.example/nutra?o=202&d={date}',       0, NULL, '["US"]',      'Cpc', 0, 45000,    'EUR', 0, '', 'Active', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, 0, 0, 'UTC'),
  ('Worldwide',    NULL, 1, 'Http', 'https://ww.offers.example/go?o=301&c={campaign_id}&s={stream_id}', 0, NULL, '[]', 'Cpa', 0, 1000000, 'USD', 0, '', 'Active', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL, 0, 0, 'UTC');

INSERT INTO campaigns (Name, Alias, State, UniquenessHours, Version, CreatedAt, UpdatedAt)
VALUES ('Bench campaign', 'bench', 'Active', 24, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');

INSERT INTO streams (CampaignId, Position, Name, Type, Weight, State, Filters, Action, ActionPayload, Offers)
VALUES
  (1, 0, 'German-speaking', 'Forced', 100, 'Active',
   '[{"type":"country","mode":0,"values":["DE","AT"]}]', 'Offers', '',
   '[{"offerId":1,"share":70},{"offerId":2,"share":30}]'),
  (1, 1, 'United States', 'Regular', 80, 'Active',
   '[{"type":"country","mode":0,"values":["US"]}]', 'Offers', '',
   '[{"offerId":3,"share":50},{"offerId":4,"share":50}]'),
  (1, 2, 'Rest of world', 'Regular', 20, 'Active',
   '[{"type":"country","mode":1,"values":["DE","AT","US"]}]', 'Offers', '',
   '[{"offerId":5,"share":100}]');
