window.SERVICEMAP_LISTA = {
  "campi": {"s": ["id", "telefoni", "aggiornato", "note_orari", "nota_italiana"]},
  "s": [
    [
      "centro-ascolto-pioltello",
      [["+390292366364", "02 9236 6364"]],
      "2026-03-14",
      "Il venerdì pomeriggio solo facilitazione digitale"
    ],
    [
      "patronato-segrate",
      [["+390226921234", "02 2692 1234"]],
      "2026-02-01",
      "Solo su appuntamento: telefona dal lunedì al venerdì"
    ],
    ["sportello-vimodrone", [], "2026-01-10", ""]
  ]
};
