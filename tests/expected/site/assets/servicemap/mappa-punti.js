window.SERVICEMAP_POINTS = {
  "campi": {"t": ["codice", "sfondo", "testo", "etichetta"], "p": ["lat", "lon", "tipo", "servizi"]},
  "t": [
    ["S", "#0072B2", "#ffffff", "Sportello di aiuto"],
    ["CA", "#D55E00", "#000000", "Centro di ascolto"],
    ["HD", "#009E73", "#000000", "Hub di facilitazione digitale"],
    ["SS", "#CC79A7", "#000000", "Servizio sociale comunale"],
    ["PM", "#E69F00", "#000000", "Punto migranti"],
    ["PUA", "#56B4E9", "#000000", "Punto Unico di Accesso"],
    ["SL", "#F0E442", "#000000", "Sportello lavoro"],
    ["P", "#882255", "#ffffff", "Patronato"],
    ["UP", "#117733", "#ffffff", "Ufficio di Piano"]
  ],
  "p": [[45.499, 9.327, 1, 0], [45.49, 9.295, 7, 1], [45.51515, 9.28694, 0, 2]],
  "c": ["Pioltello", "Segrate", "Vimodrone"],
  "l": [[45.49088, 9.32253], [45.48367, 9.28469], [45.51515, 9.28694]],
  "f": [[45.45498, 9.25928], [45.526, 9.34564]]
};
