window.SERVICEMAP_MAP_DETAILS = {
  "campi": {
    "s": [
      "id",
      "nome",
      "tipo",
      "indirizzo",
      "precisione",
      "orari",
      "flag_orari",
      "chiusure",
      "note_orari",
      "italiano"
    ]
  },
  "s": [
    [
      "centro-ascolto-pioltello",
      "San Giorgio listening centre",
      [1, 2],
      "Via San Francesco 12, 20096 Pioltello (MI)",
      1,
      "09:00-12:00||09:00-12:00,15:00-18:00||15:00-18:00||",
      0,
      [["2026-08-01", "2026-08-31", "Closed for the summer holidays"]],
      "On Friday afternoon digital help only"
    ],
    [
      "patronato-segrate",
      "Patronato Segrate",
      [7],
      "Via Roma 3, 20054 Segrate (MI)",
      0,
      "",
      2,
      [],
      "Solo su appuntamento: telefona dal lunedì al venerdì",
      3
    ],
    [
      "sportello-vimodrone",
      "Sportello di Vimodrone",
      [0],
      "Via Inesistente 99, Vimodrone",
      2,
      "",
      0,
      [],
      "",
      1
    ]
  ]
};
