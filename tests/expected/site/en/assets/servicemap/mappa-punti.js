window.SERVICEMAP_POINTS = {
  "campi": {"t": ["codice", "sfondo", "testo", "etichetta"], "p": ["lat", "lon", "tipo", "servizi"]},
  "t": [
    ["S", "#0072B2", "#ffffff", "Help desk"],
    ["CA", "#D55E00", "#000000", "Listening centre"],
    ["HD", "#009E73", "#000000", "Digital help point"],
    ["SS", "#CC79A7", "#000000", "Town social services"],
    ["PM", "#E69F00", "#000000", "Migrant help point"],
    ["PUA", "#56B4E9", "#000000", "Single access point"],
    ["SL", "#F0E442", "#000000", "Job desk"],
    ["P", "#882255", "#ffffff", "Benefits advice office (patronato)"],
    ["UP", "#117733", "#ffffff", "District planning office (Ufficio di Piano)"]
  ],
  "p": [[45.499, 9.327, 1, 0], [45.49, 9.295, 7, 1], [45.51515, 9.28694, 0, 2]],
  "c": ["Pioltello", "Segrate", "Vimodrone"],
  "l": [[45.49088, 9.32253], [45.48367, 9.28469], [45.51515, 9.28694]],
  "f": [[45.45498, 9.25928], [45.526, 9.34564]]
};
