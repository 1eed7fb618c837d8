/// Spanish (`language: es`): every phrase and noun a report writes, keyed by the English template in
/// the code (`{0}`, `{1}`… stand for the interpolated values). `LanguageTests` fails when a report
/// asks for a phrase this file lacks.
enum Spanish {
    static let catalogue = Catalogue(phrases: phrases, nouns: nouns)

    static let nouns: [String: (singular: String, plural: String)] = [
        "epoch": ("época", "épocas"), "seed": ("semilla", "semillas"), "run": ("ejecución", "ejecuciones"),
        "variant": ("variante", "variantes"), "crossing": ("cruce", "cruces"),
    ]

    static let phrases: [String: String] = [
        "validation":
            "validación",
        "data":
            "datos",
        "output":
            "salida",
        "(constant output {0})":
            "(salida constante {0})",
        "Most confident mistakes: true → predicted (confidence)":
            "Errores más seguros: real → predicha (confianza)",
        "unit {0}":
            "unidad {0}",
        "First-layer weights of {0} of {1} units":
            "Pesos de la primera capa de {0} de {1} unidades",
        "median":
            "mediana",
        "layer {0} weights":
            "pesos de la capa {0}",
        "epoch":
            "época",
        "Weight distribution per layer over training":
            "Distribución de los pesos de cada capa durante el entrenamiento",
        "min–max":
            "mín–máx",
        "train":
            "entrenamiento",
        " (val)":
            " (val)",
        "loss":
            "pérdida",
        "XOR accuracy":
            "exactitud XOR",
        "accuracy":
            "exactitud",
        "log₁₀ loss":
            "log₁₀ pérdida",
        "start":
            "inicio",
        "direction {0} ({1} of variance)":
            "dirección {0} ({1} de la varianza)",
        "Loss landscape: a two-parameter slice through the final weights":
            "Paisaje de pérdida: un corte de dos parámetros por los pesos finales",
        "Loss landscape along the paths' principal directions":
            "Paisaje de pérdida según las direcciones principales de las trayectorias",
        "input x":
            "entrada x",
        "inputs":
            "entradas",
        "Learning rate per epoch":
            "Tasa de aprendizaje por época",
        "The learning rate of every variant per epoch: a schedule's value after each epoch's updates (the rate the next step uses), as Keras logs it; a plain learning rate is a flat line. A run that stopped early or diverged ends there.":
            "La tasa de aprendizaje de cada variante por época: el valor de la planificación tras las actualizaciones de cada época (la tasa que usa el paso siguiente), como la registra Keras; una tasa fija es una línea plana. Una ejecución que se detuvo antes o divergió termina ahí.",
        "Learning rate over epochs, one line per variant":
            "Tasa de aprendizaje a lo largo de las épocas, una línea por variante",
        "Seed {0}'s weights are not finite after its divergence, so the figures of its trained network (decision boundary, hidden units, boundaries over time, network diagram) are left out; its weights and gradients are drawn up to the divergence.":
            "Los pesos de la semilla {0} no son finitos tras su divergencia, así que se omiten las figuras de su red entrenada (frontera de decisión, unidades ocultas, fronteras a lo largo del tiempo, diagrama de la red); sus pesos y gradientes se dibujan hasta la divergencia.",
        "stopped early":
            "detenido antes",
        " (weights of epoch {0})":
            " (pesos de la época {0})",
        "Seed {0} stopped after epoch {1}: {2}{3}.":
            "La semilla {0} se detuvo tras la época {1}: {2}{3}.",
        "Seed {0} ran every epoch and ended with the weights of epoch {1} (restore_best_weights).":
            "La semilla {0} completó todas las épocas y terminó con los pesos de la época {1} (restore_best_weights).",
        "NNLab, seed {0}":
            "NNLab, semilla {0}",
        " Its initial_model is not the weights NNLab's run started from, so the histories are drawn side by side, not compared epoch by epoch.":
            " Su initial_model no son los pesos con los que empezó la ejecución de NNLab, así que los historiales se dibujan uno junto a otro, sin compararlos época a época.",
        " Give the weights it started from as initial_model (a model file) to compare the two epoch by epoch.":
            " Indica los pesos con los que empezó como initial_model (un archivo de modelo) para comparar ambos época a época.",
        "tolerance {0}":
            "tolerancia {0}",
        "relative difference":
            "diferencia relativa",
        "NNLab ran {0}, {1} {2}.":
            "NNLab entrenó {0}; {1}, {2}.",
        "{0} (from {1}) beside NNLab's run of the same configuration (seed {2})":
            "{0} (de {1}) junto a la ejecución de NNLab con la misma configuración (semilla {2})",
        ", and their relative difference per epoch (epochs where they are equal are not drawn on the log axis).":
            ", y su diferencia relativa por época (las épocas en que coinciden no se dibujan en el eje logarítmico).",
        "The student's history beside NNLab's":
            "El historial del estudiante junto al de NNLab",
        "{0}:":
            "{0}:",
        "epoch {0} ({1})":
            "época {0} ({1})",
        "{0} against NNLab's seed {1}, started from the same weights: each series both record, compared epoch by epoch (relative difference |a − b| / max(|a|, |b|), tolerance {2}).":
            "{0} frente a la semilla {1} de NNLab, desde los mismos pesos: cada serie que registran ambos, comparada época a época (diferencia relativa |a − b| / max(|a|, |b|), tolerancia {2}).",
        "series":
            "serie",
        "epochs compared":
            "épocas comparadas",
        "agree through epoch":
            "coinciden hasta la época",
        "first differs at":
            "primera diferencia en",
        "largest difference":
            "mayor diferencia",
        "Not compared, as only one of the two records them: {0}.":
            "Sin comparar, porque solo uno de los dos las registra: {0}.",
        "Epochs are numbered from 1 (a CSVLogger file's epoch 0 is epoch 1).":
            "Las épocas se numeran desde 1 (la época 0 de un archivo de CSVLogger es la época 1).",
        "{0} and NNLab already differ at epoch 1 ({1}: relative difference {2}), although they started from the same weights. Check the settings both used: constants (exact or keras), shuffling, the optimizer and its arguments, the batch size and the loss.":
            "{0} y NNLab ya difieren en la época 1 ({1}: diferencia relativa {2}), aunque empezaron con los mismos pesos. Revisa la configuración de ambos: las constantes (exact o keras), el barajado, el optimizador y sus argumentos, el tamaño de lote y la pérdida.",
        "{0} agrees with NNLab within {1} in every series through epoch {2} and first differs at epoch {3} ({4}: relative difference {5}).":
            "{0} coincide con NNLab dentro de {1} en todas las series hasta la época {2} y difiere por primera vez en la época {3} ({4}: diferencia relativa {5}).",
        "{0} agrees with NNLab within {1} in every series at every one of the {2} epochs compared (largest relative difference {3}).":
            "{0} coincide con NNLab dentro de {1} en todas las series en cada una de las {2} épocas comparadas (mayor diferencia relativa {3}).",
        "input features":
            "características de entrada",
        "features":
            "características",
        "output {0}":
            "salida {0}",
        "dense {0} {1}":
            "densa {0} {1}",
        "units":
            "unidades",
        "positive weight":
            "peso positivo",
        "negative weight":
            "peso negativo",
        "⋮ {0} more":
            "⋮ {0} más",
        "{0} of {1} {2}":
            "{0} de {1} {2}",
        " hidden per layer (":
            " ocultas por capa (",
        " hidden in ":
            " ocultas en ",
        "Too many units to draw: {0}, each layer's hidden ones marked ⋮ between its first and last drawn node; edges to hidden units not drawn.":
            "Demasiadas unidades para dibujarlas: {0}; las ocultas de cada capa se marcan con ⋮ entre su primer y su último nodo dibujado; no se dibujan las aristas hacia unidades ocultas.",
        "With {0} edges drawn, the weaker ones are fainter and the strongest drawn on top.":
            "Con {0} aristas dibujadas, las más débiles son más tenues y las más fuertes se dibujan encima.",
        "Weights are not written: their labels would overlap other labels, nodes or edges.":
            "No se escriben los pesos: sus etiquetas se solaparían con otras etiquetas, nodos o aristas.",
        "{0} and {1}":
            "{0} y {1}",
        "Weights are not written between ":
            "No se escriben los pesos entre ",
        ": their labels would overlap other labels, nodes or edges.":
            ": sus etiquetas se solaparían con otras etiquetas, nodos o aristas.",
        "Node labels are left out in ":
            "Se omiten las etiquetas de los nodos en ",
        ": they do not fit beside the nodes.":
            ": no caben junto a los nodos.",
        "Weight norms per layer":
            "Norma de los pesos de cada capa",
        "layer {0}: median, 5–95%":
            "capa {0}: mediana, 5–95%",
        "the {0} largest weights":
            "los {0} pesos mayores",
        "L1 weight crosses 0":
            "peso con L1 cruza 0",
        "L1 weight: first crossing":
            "peso con L1: primer cruce",
        "Weights per layer (median, 5–95%) and the {0} largest":
            "Pesos de cada capa (mediana, 5–95%) y los {0} mayores",
        "Weights (solid) and biases (dashed)":
            "Pesos (continua) y sesgos (discontinua)",
        "value":
            "valor",
        "layer {0}":
            "capa {0}",
        "Gradient norm per layer":
            "Norma del gradiente de cada capa",
        "epoch {0}":
            "época {0}",
        "The decision regions as training goes on":
            "Las regiones de decisión durante el entrenamiento",
        "The decision boundary as training goes on":
            "La frontera de decisión durante el entrenamiento",
        "layer {0}, unit {1}":
            "capa {0}, unidad {1}",
        ": dead (constant 0)":
            ": muerta (constante 0)",
        ": constant {0}":
            ": constante {0}",
        "Hidden units after training (the first {0} of {1})":
            "Unidades ocultas al final (las primeras {0} de {1})",
        "Hidden units after training":
            "Unidades ocultas al final",
        "seed {0}, after {1}":
            "semilla {0}, tras {1}",
        "The network of the course's first lab: two inputs, a dense layer of 3 sigmoid units (D1, A1), a dense layer of 2 sigmoid units (D2, A2) and a dense layer of 3 units with a softmax (D3, P_est), trained with the mean squared error on one sample x = [3.4, 2.1] with target [1, 0, 0]. The weights are the lab's float32 values; every number below is computed by NNLab's own backpropagation in float64 and set beside the value the lab prints, TensorFlow's gradients, and central differences.":
            "La red del primer laboratorio del curso: dos entradas, una capa densa de 3 unidades sigmoides (D1, A1), una capa densa de 2 unidades sigmoides (D2, A2) y una capa densa de 3 unidades con softmax (D3, P_est), entrenada con el error cuadrático medio sobre una muestra x = [3.4, 2.1] con objetivo [1, 0, 0]. Los pesos son los valores float32 del laboratorio; cada número de abajo lo calcula la propia retropropagación de NNLab en float64 y se muestra junto al valor que imprime el laboratorio, los gradientes de TensorFlow y las diferencias centrales.",
        "The lab's network, its weights and the activations for x = [3.4, 2.1]":
            "La red del laboratorio, sus pesos y las activaciones para x = [3.4, 2.1]",
        "The lab's network. Edge colour is the weight's sign (orange positive, blue negative), width its magnitude relative to the largest weight into the same layer; node colour and labels are the activations for the lab's input.":
            "La red del laboratorio. El color de cada arista es el signo del peso (naranja positivo, azul negativo) y su grosor, su magnitud relativa al mayor peso que entra en la misma capa; el color y las etiquetas de los nodos son las activaciones para la entrada del laboratorio.",
        "Network diagram with 2 inputs, 3 and 2 sigmoid hidden units and 3 softmax outputs, edges labelled with their weights":
            "Diagrama de la red con 2 entradas, 3 y 2 unidades ocultas sigmoides y 3 salidas softmax, con las aristas etiquetadas con sus pesos",
        "Forward pass":
            "Propagación hacia delante",
        "Every forward value. “Lab” is what the course's notebook prints (8 decimals, the loss in full); pass means |Δ| ≤ {0}, and the loss must match bit for bit.":
            "Cada valor de la propagación hacia delante. «Lab» es lo que imprime el cuaderno del curso (8 decimales, la pérdida completa); «correcto» significa |Δ| ≤ {0}, y la pérdida debe coincidir bit a bit.",
        "quantity":
            "cantidad",
        "index":
            "índice",
        "lab":
            "lab",
        "check":
            "comprobación",
        "Jacobians":
            "Jacobianas",
        "∂MSE/∂P_est = 2(P_est − P_true)/3 = [{0}] (the lab prints [{1}]). The Jacobians below follow the lab's input × output convention, J[i][j] = ∂aⱼ/∂zᵢ.":
            "∂MSE/∂P_est = 2(P_est − P_true)/3 = [{0}] (el laboratorio imprime [{1}]). Las jacobianas siguen la convención entrada × salida del laboratorio, J[i][j] = ∂aⱼ/∂zᵢ.",
        "softmax Jacobian at D3_out":
            "Jacobiana de softmax en D3_out",
        "sigmoid Jacobian at D2_out":
            "Jacobiana de la sigmoide en D2_out",
        "sigmoid Jacobian at D1_out":
            "Jacobiana de la sigmoide en D1_out",
        "Gradients":
            "Gradientes",
        "Fifty steps of gradient descent":
            "Cincuenta pasos de descenso por gradiente",
        "Backprop by hand (lab 000)":
            "Retropropagación a mano (laboratorio 000)",
        "bit-exact":
            "exacto al bit",
        "pass":
            "correcto",
        "row":
            "fila",
        "max |Δ| vs lab":
            "máx |Δ| frente al lab",
        "The {0} (NNLab, 10 significant digits) against the lab's printed matrix.":
            "{0} (NNLab, 10 cifras significativas) frente a la matriz impresa por el laboratorio.",
        "error: {0}":
            "error: {0}",
        "∂MSE/∂W and ∂MSE/∂b for the three dense layers: NNLab's backpropagation, TensorFlow's GradientTape in float32 (printed by the lab), and central differences with step 10⁻⁶. Pass: |Δ| ≤ {0} against TensorFlow and ≤ {1} against central differences.":
            "∂MSE/∂W y ∂MSE/∂b de las tres capas densas: la retropropagación de NNLab, GradientTape de TensorFlow en float32 (impreso por el laboratorio) y diferencias centrales con paso 10⁻⁶. Correcto: |Δ| ≤ {0} frente a TensorFlow y ≤ {1} frente a las diferencias centrales.",
        "layer":
            "capa",
        "parameter":
            "parámetro",
        "central difference":
            "diferencia central",
        "The SGD run failed: {0}":
            "La ejecución de SGD falló: {0}",
        "Loss before each SGD step, learning rate 0.1":
            "Pérdida antes de cada paso de SGD, tasa de aprendizaje 0.1",
        "step":
            "paso",
        "lab (published)":
            "lab (publicado)",
        "The loss before each of 50 plain gradient-descent steps (η = 0.1) on the lab's sample: NNLab's line through the lab's published values (points). Largest difference: {0}.":
            "La pérdida antes de cada uno de 50 pasos de descenso por gradiente simple (η = 0.1) sobre la muestra del laboratorio: la línea de NNLab pasa por los valores publicados por el laboratorio (puntos). Mayor diferencia: {0}.",
        "A decreasing loss curve from 0.214 to 0.041 over 50 steps, passing through the published points":
            "Una curva de pérdida decreciente de 0.214 a 0.041 en 50 pasos, que pasa por los puntos publicados",
        "The largest difference between NNLab's 50 losses and the lab's published float64 sequence is {0}; the first loss matches bit for bit.":
            "La mayor diferencia entre las 50 pérdidas de NNLab y la secuencia float64 publicada por el laboratorio es {0}; la primera pérdida coincide bit a bit.",
        "{0} named variants ({1})":
            "{0} variantes con nombre ({1})",
        "every combination of ":
            "todas las combinaciones de ",
        " — {0} variants":
            " — {0} variantes",
        "on the same data ({0})":
            "con los mismos datos ({0})",
        "on the data each variant names (they differ between variants)":
            "con los datos que nombra cada variante (difieren entre variantes)",
        "the same seed ({0})":
            "la misma semilla ({0})",
        "the same {0} seeds ({1})":
            "las mismas {0} semillas ({1})",
        " As in the image problem, 20% of the images are held out as test data (stratified by class; the val_ columns are these test values) and the inputs are standardized with the training part's statistics only.":
            " Como en el problema de imágenes, el 20% de las imágenes se reserva como datos de prueba (estratificado por clase; las columnas val_ son esos valores de prueba) y las entradas se estandarizan solo con las estadísticas de la parte de entrenamiento.",
        "{0}: {1}, each trained from {2} {3}.{4}{5} A run succeeds when {6} reaches {7}; runs that never do count as failures, not as missing.":
            "{0}: {1}, cada una entrenada desde {2} {3}.{4}{5} Una ejecución tiene éxito cuando {6} alcanza {7}; las que nunca lo hacen cuentan como fracasos, no como ausentes.",
        "learning rate {0}":
            "tasa de aprendizaje {0}",
        "batch size {0}":
            "tamaño de lote {0}",
        " Every variant uses ":
            " Todas las variantes usan ",
        "data loss":
            "pérdida de datos",
        "training {0}":
            "{0} de entrenamiento",
        "validation {0}":
            "{0} de validación",
        "validation accuracy":
            "exactitud de validación",
        ", {0}% held out for validation (stratified by class for class data)":
            ", {0}% reservado para validación (estratificado por clase en datos de clases)",
        ", inputs standardized with the training part's mean and deviation":
            ", entradas estandarizadas con la media y la desviación de la parte de entrenamiento",
        ", inputs min–max scaled to the training part's range":
            ", entradas escaladas mín–máx al rango de la parte de entrenamiento",
        "Comparison":
            "Comparación",
        "Seed {0} did not run: {1}":
            "La semilla {0} no se ejecutó: {1}",
        "Seed {0} {1}. Its curves end there; the report goes on.":
            "La semilla {0} {1}. Sus curvas terminan ahí; el informe continúa.",
        "seed {0}":
            "semilla {0}",
        "No curve to draw: every seed's loss was non-finite from its first epoch (see the divergence above).":
            "No hay curva que dibujar: la pérdida de cada semilla fue no finita desde su primera época (véase la divergencia arriba).",
        "Training{0} loss and metric per epoch for {1}.":
            "Pérdida y métrica de entrenamiento{0} por época para {1}.",
        " (solid) and validation (dashed)":
            " (continua) y de validación (discontinua)",
        "the run":
            "la ejecución",
        "each seed":
            "cada semilla",
        "Loss and metric curves over epochs for {0}":
            "Curvas de pérdida y métrica por época para {0}",
        " (filled) and the {0} validation points (hollow)":
            " (rellenos) y los {0} puntos de validación (huecos)",
        "The class the trained network picks at each point of the input plane (the largest of its {0} outputs; first seed), the lines where it changes, and the training data{1}{2}.":
            "La clase que la red entrenada elige en cada punto del plano de entrada (la mayor de sus {0} salidas; primera semilla), las líneas donde cambia y los datos de entrenamiento{1}{2}.",
        "Decision regions of the trained classifier with the data points":
            "Regiones de decisión del clasificador entrenado con los puntos de datos",
        "discretized at {0}":
            "discretizada en {0}",
        "Left: the trained network's output over the input plane (first seed), its decision boundary at {0} and the training data{1}{2}. Right: the same output discretized to either side of {3}, as TensorFlow Playground's “discretize output” shows it.":
            "Izquierda: la salida de la red entrenada sobre el plano de entrada (primera semilla), su frontera de decisión en {0} y los datos de entrenamiento{1}{2}. Derecha: la misma salida discretizada a cada lado de {3}, como la muestra la opción «discretize output» de TensorFlow Playground.",
        "Decision boundary of the trained network with the data points, continuous and discretized":
            "Frontera de decisión de la red entrenada con los puntos de datos, continua y discretizada",
        "seed {0}{1}":
            "semilla {0}{1}",
        " (diverged)":
            " (divergió)",
        " (the first {0} of {1} seeds)":
            " (las primeras {0} de {1} semillas)",
        "Final decision regions of every seed":
            "Regiones de decisión finales de cada semilla",
        "Final decision boundary of every seed":
            "Frontera de decisión final de cada semilla",
        "The final decision boundary of each seed{0}, on the same data{1}{2}.":
            "La frontera de decisión final de cada semilla{0}, con los mismos datos{1}{2}.",
        " (validation points hollow)":
            " (puntos de validación huecos)",
        "Small multiples of the final decision boundary, one per seed":
            "Múltiplos pequeños de la frontera de decisión final, uno por semilla",
        "The decision boundary at log-spaced epochs (first seed): how the network carves the plane as it learns{0}.":
            "La frontera de decisión en épocas espaciadas logarítmicamente (primera semilla): cómo la red va partiendo el plano mientras aprende{0}.",
        "Small decision-boundary plots at increasing epochs":
            "Pequeños gráficos de la frontera de decisión en épocas crecientes",
        "Each hidden unit's activation over the input plane after training (first seed), as TensorFlow Playground draws its neurons.":
            "La activación de cada unidad oculta sobre el plano de entrada tras el entrenamiento (primera semilla), como TensorFlow Playground dibuja sus neuronas.",
        "One heatmap per hidden unit over the input plane":
            "Un mapa de calor por unidad oculta sobre el plano de entrada",
        "Left: {0} over the epochs (first seed, sampled {1}){2}. Right: the mean gradient norm of each layer per epoch.":
            "Izquierda: {0} a lo largo de las épocas (primera semilla, {1} muestreadas){2}. Derecha: la norma media del gradiente de cada capa por época.",
        "each layer's weights as a band from their 5% to their 95% quantile around the median, and the {0} weights largest at the end (grey), as {1} lines would hide each other":
            "los pesos de cada capa como una banda entre sus cuantiles 5% y 95% alrededor de la mediana, y los {0} pesos mayores al final (gris), porque {1} líneas se taparían unas a otras",
        "each layer's weight norm ‖W‖₂ (the network has too many weights to follow one by one)":
            "la norma ‖W‖₂ de los pesos de cada capa (la red tiene demasiados pesos para seguirlos uno a uno)",
        "every weight (solid) and bias (dashed)":
            "cada peso (continua) y sesgo (discontinua)",
        "; crosses mark where each L1-regularized weight first crossed zero ({0} in all)":
            "; las cruces marcan dónde cada peso con regularización L1 cruzó cero por primera vez ({0} en total)",
        "Weight trajectories over epochs and per-layer gradient norms":
            "Trayectorias de los pesos por época y normas del gradiente por capa",
        "Each dense layer's weights over the epochs (first seed), as TensorBoard's distributions draw them: the bands span from the smallest to the largest weight, from the 5% to the 95% quantile and the interquartile range, darker towards the middle; the line is the median.":
            "Los pesos de cada capa densa a lo largo de las épocas (primera semilla), como los dibujan las distribuciones de TensorBoard: las bandas van del menor al mayor peso, del cuantil 5% al 95% y el rango intercuartílico, más oscuras hacia el centro; la línea es la mediana.",
        "Bands of weight quantiles over epochs, one panel per layer":
            "Bandas de cuantiles de los pesos por época, un panel por capa",
        "Trained network (seed {0})":
            "Red entrenada (semilla {0})",
        "The trained network: edge colour is the weight's sign, width its magnitude relative to the largest weight into the same layer.":
            "La red entrenada: el color de cada arista es el signo del peso y su grosor, su magnitud relativa al mayor peso que entra en la misma capa.",
        "Network diagram of the trained network with weight labels":
            "Diagrama de la red entrenada con etiquetas de pesos",
        "Network diagram of the trained network":
            "Diagrama de la red entrenada",
        "Experiments":
            "Experimentos",
        "In {0} of {1} seed{2} ({3}) every training point is on the right side of 0 (sign_accuracy 1), but some outputs sit in xor_accuracy's dead zone (|output| ≤ 0.5), which counts them as wrong. {4} outputs by sign, as TensorFlow Playground does.":
            "En {0} de {1} semilla{2} ({3}) cada punto de entrenamiento queda del lado correcto de 0 (sign_accuracy 1), pero algunas salidas caen en la zona muerta de xor_accuracy (|salida| ≤ 0.5), que las cuenta como errores. {4} las salidas por su signo, como hace TensorFlow Playground.",
        "sign_accuracy counts":
            "sign_accuracy cuenta",
        "Add sign_accuracy to metrics to count":
            "Añada sign_accuracy a metrics para contar",
        " ({0} of the {1} points drawn, evenly spread)":
            " (se dibujan {0} de los {1} puntos, repartidos uniformemente)",
        "{0} training and {1} {2} samples":
            "{0} muestras de entrenamiento y {1} de {2}",
        "{0} samples":
            "{0} muestras",
        "Data: {0} ({1}). Model: {2} inputs → {3}, loss {4}. Optimizer: {5}; {6}, batch size {7}, {8}; seeds {9}.":
            "Datos: {0} ({1}). Modelo: {2} entradas → {3}, pérdida {4}. Optimizador: {5}; {6}, tamaño de lote {7}, {8}; semillas {9}.",
        "shuffled":
            "barajado",
        "not shuffled":
            "sin barajar",
        "failed: {0}":
            "falló: {0}",
        "diverged":
            "divergió",
        "stopped: {0}":
            "detenido: {0}",
        "completed":
            "completado",
        "; ended with the weights of epoch {0} (restore_best_weights)":
            "; terminó con los pesos de la época {0} (restore_best_weights)",
        "Final values per seed: the last epoch's value of every history series{0}.":
            "Valores finales por semilla: el valor en la última época de cada serie del historial{0}.",
        " (loss = data_loss + penalty)":
            " (loss = data_loss + penalty)",
        "seed":
            "semilla",
        "epochs":
            "épocas",
        "status":
            "estado",
        "Figure":
            "Figura",
        "Table":
            "Tabla",
        "Written by NNLab {0}. Every number in this report is regenerated by:":
            "Escrito por NNLab {0}. Cada número de este informe se regenera con:",
        "Every number in this report is regenerated by:":
            "Cada número de este informe se regenera con:",
        "regenerate with":
            "regenerar con",
        "Contents":
            "Contenido",
        "Every number and figure on this page comes from":
            "Cada número y figura de esta página proviene de",
        "(seeded, deterministic).":
            "(con semilla, determinista).",
        "Machine-readable results:":
            "Resultados legibles por máquina:",
        "Image problem":
            "Problema de imágenes",
        "{0}. Data: {1}, {2} images of {3}×{4}{5} in {6} classes; a stratified split keeps {7}% of each class for testing ({8} training and {9} test images, seed {10}). Features are {11}.":
            "{0}. Datos: {1}, {2} imágenes de {3}×{4}{5} en {6} clases; una partición estratificada reserva el {7}% de cada clase para prueba ({8} imágenes de entrenamiento y {9} de prueba, semilla {10}). Las variables de entrada están {11}.",
        "The run did not complete: {0}":
            "La ejecución no terminó: {0}",
        "The image problem":
            "El problema de imágenes",
        "Training {0}.":
            "El entrenamiento {0}.",
        "Final loss and accuracy (after epoch {0}).":
            "Pérdida y exactitud finales (tras la época {0}).",
        "split":
            "partición",
        "training":
            "entrenamiento",
        "test":
            "prueba",
        "Test accuracy: {0} of {1} images ({2}).":
            "Exactitud de prueba: {0} de {1} imágenes ({2}).",
        "loss (cross-entropy)":
            "pérdida (entropía cruzada)",
        "Loss and accuracy per epoch on the training images (solid) and the test images (dashed).":
            "Pérdida y exactitud por época en las imágenes de entrenamiento (continua) y de prueba (discontinua).",
        "Loss and accuracy curves for training and test":
            "Curvas de pérdida y exactitud de entrenamiento y prueba",
        "Confusion matrix (test images)":
            "Matriz de confusión (imágenes de prueba)",
        "true class":
            "clase real",
        "predicted class":
            "clase predicha",
        "Counts of test images by true class (rows) and predicted class (columns); the diagonal is correct.":
            "Número de imágenes de prueba por clase real (filas) y clase predicha (columnas); la diagonal son los aciertos.",
        "Confusion matrix of the test images":
            "Matriz de confusión de las imágenes de prueba",
        "The misclassified test images the network was most sure about, captioned true → predicted class and the predicted probability":
            "Las imágenes de prueba mal clasificadas de las que la red estaba más segura, con la clase real → la predicha y la probabilidad predicha",
        "; drawn in colour from their red, green and blue planes, on one range for all the images.":
            "; dibujadas en color a partir de sus planos rojo, verde y azul, con un mismo rango para todas las imágenes.",
        ".":
            ".",
        "A grid of misclassified test images with their true and predicted labels":
            "Una cuadrícula de imágenes de prueba mal clasificadas con sus etiquetas real y predicha",
        "Each first-layer unit's incoming weights drawn as a colour image: a pixel's red, green and blue are the unit's weights on that pixel's red, green and blue values, scaled symmetrically per unit (mid-grey 0, full intensity +max |w|, none −max |w|): the colours and patterns the units respond to.":
            "Los pesos de entrada de cada unidad de la primera capa dibujados como una imagen en color: el rojo, verde y azul de un píxel son los pesos de la unidad sobre el rojo, verde y azul de ese píxel, escalados simétricamente por unidad (gris medio 0, intensidad máxima +máx |w|, ninguna −máx |w|): los colores y patrones a los que responden las unidades.",
        "Each first-layer unit's incoming weights drawn as an image (red positive, blue negative): the patterns the units respond to.":
            "Los pesos de entrada de cada unidad de la primera capa dibujados como una imagen (rojo positivo, azul negativo): los patrones a los que responden las unidades.",
        "A grid of first-layer weight images in colour":
            "Una cuadrícula de imágenes en color de los pesos de la primera capa",
        "A grid of first-layer weight images":
            "Una cuadrícula de imágenes de los pesos de la primera capa",
        "standardized with the mean and standard deviation of each feature over the {0} training samples only":
            "estandarizadas con la media y la desviación típica de cada variable sobre solo las {0} muestras de entrenamiento",
        "scaled to [0, 1] with each feature's minimum and maximum over the {0} training samples only":
            "escaladas a [0, 1] con el mínimo y el máximo de cada variable sobre solo las {0} muestras de entrenamiento",
        "unscaled":
            "sin escalar",
        "training ({0}{1})":
            "entrenamiento ({0}{1})",
        ", {0} resumed":
            ", {0} reanudadas",
        "backprop by hand":
            "retropropagación a mano",
        "experiments":
            "experimentos",
        "comparison":
            "comparación",
        "image problem":
            "problema de imágenes",
        "rank":
            "puesto",
        "variant":
            "variante",
        "success":
            "éxito",
        "median epochs to target":
            "mediana de épocas hasta el objetivo",
        "median final {0}":
            "{0} final mediana",
        "Warning":
            "Aviso",
        "Passed":
            "Correcto",
        "Note":
            "Nota",
        "Figure “{0}” was not drawn: at {1}×{2} pixels it is beyond NNLab's figure size limit (40 million pixels, 30,000 a side). Its numbers are in runs.json and history.csv.":
            "La figura «{0}» no se dibujó: con {1}×{2} píxeles supera el límite de tamaño de figura de NNLab (40 millones de píxeles, 30.000 por lado). Sus números están en runs.json e history.csv.",
        "command":
            "orden",
        "NNLab version":
            "versión de NNLab",
        "git revision":
            "revisión de git",
        "unknown (not run from a git checkout)":
            "desconocida (no se ejecutó desde un repositorio git)",
        "platform":
            "plataforma",
        "seeds":
            "semillas",
        "none":
            "ninguna",
        "experiment file":
            "archivo del experimento",
        "built in (shown below)":
            "incorporado (se muestra abajo)",
        "time: {0}":
            "tiempo: {0}",
        "Reproducibility":
            "Reproducibilidad",
        "Every number in this report is deterministic: NNLab draws the initial weights a model does not give, the shuffles and the dropout masks from its own seeded generator, and its matrix products sum in a fixed order, so the same experiment and seeds give the same numbers on any machine (runs.json is byte-identical). Only the times below vary.":
            "Cada número de este informe es determinista: NNLab toma los pesos iniciales que un modelo no da, los barajados y las máscaras de dropout de su propio generador con semilla, y sus productos de matrices suman en un orden fijo, así que el mismo experimento y las mismas semillas dan los mismos números en cualquier máquina (runs.json es idéntico byte a byte). Solo varían los tiempos de abajo.",
        "How this report was made.":
            "Cómo se hizo este informe.",
        "item":
            "elemento",
        "The experiment":
            "El experimento",
        "Every variant's settings and its {0}":
            "La configuración de cada variante y su {0}",
        "Each of the {0} variants as a line through its level on every axis ({1}) to its {2} over {3}, coloured by that value, {4} drawn on top, as TensorBoard's HParams parallel-coordinates view{5}.":
            "Cada una de las {0} variantes como una línea que pasa por su nivel en cada eje ({1}) hasta su {2} en {3}, coloreada según ese valor, con la mejor {4} dibujada encima, como la vista de coordenadas paralelas HParams de TensorBoard{5}.",
        "best (highest)":
            "(la más alta)",
        "best (lowest)":
            "(la más baja)",
        "; {0} without a finite value (every seed diverged) grey and dashed":
            "; {0} sin un valor finito (divergieron todas sus semillas) en gris y discontinuas",
        "Parallel coordinates of the sweep's settings against the outcome":
            "Coordenadas paralelas de la configuración del barrido frente al resultado",
        "The {0} final decision boundaries are not drawn: one panel each would make a figure beyond NNLab's figure size limit. Sweep fewer levels (or set grid: rows/columns) to see them; every run's numbers are in the tables, runs.json and history.csv.":
            "No se dibujan las {0} fronteras de decisión finales: un panel por cada una daría una figura que supera el límite de tamaño de NNLab. Barra menos niveles (o fije grid: rows/columns) para verlas; los números de cada ejecución están en las tablas, runs.json e history.csv.",
        " (every seed diverged)":
            " (divergieron todas las semillas)",
        " (seed {0})":
            " (semilla {0})",
        "share of seeds agreeing":
            "proporción de semillas que coinciden",
        "share of seeds":
            "proporción de semillas",
        "one panel per variant":
            "un panel por variante",
        "one panel per {0} level, in reading order":
            "un panel por nivel de {0}, en orden de lectura",
        "rows are {0} levels":
            "las filas son niveles de {0}",
        ", columns {0} levels":
            ", las columnas niveles de {0}",
        "Final decision regions (seed {0})":
            "Regiones de decisión finales (semilla {0})",
        "Final decision boundaries (seed {0})":
            "Fronteras de decisión finales (semilla {0})",
        "Small multiples of the final decision {0} ({1}; other axes at their first level); one representative seed per cell: the first that did not diverge (named when it is not the first seed); a cell whose seeds all diverged shows only the data{2}.":
            "Múltiplos pequeños de las {0} de decisión finales ({1}; los demás ejes en su primer nivel); una semilla representativa por celda: la primera que no divergió (se nombra cuando no es la primera semilla); una celda cuyas semillas divergieron todas muestra solo los datos{2}.",
        "regions (the class each variant picks at each point: the largest output)":
            "regiones (la clase que elige cada variante en cada punto: la mayor salida)",
        "boundaries":
            "fronteras",
        "; validation points hollow":
            "; puntos de validación huecos",
        "A grid of decision boundaries, one per variant":
            "Una cuadrícula de fronteras de decisión, una por variante",
        "Share of seeds picking the most common class":
            "Proporción de semillas que eligen la clase más común",
        "Share of seeds classifying each point as positive":
            "Proporción de semillas que clasifican cada punto como positivo",
        "For each variant, the share of its seeds that did not diverge (all {0} unless the tables say otherwise) that pick, at each point of the plane, the class most of them pick: 1 where all agree, lower where seeds disagree.":
            "Para cada variante, la proporción de sus semillas que no divergieron (las {0}, salvo que las tablas digan otra cosa) que eligen, en cada punto del plano, la clase que elige la mayoría: 1 donde todas coinciden, menos donde las semillas discrepan.",
        "For each variant, the share of its seeds that did not diverge (all {0} unless the tables say otherwise) whose final network puts each point of the plane on the positive side: red where all agree on positive, blue where all agree on negative, white where seeds disagree.":
            "Para cada variante, la proporción de sus semillas que no divergieron (las {0}, salvo que las tablas digan otra cosa) cuya red final pone cada punto del plano del lado positivo: rojo donde todas coinciden en positivo, azul donde todas coinciden en negativo, blanco donde las semillas discrepan.",
        "A grid of maps of the share of seeds classifying each point positively":
            "Una cuadrícula de mapas de la proporción de semillas que clasifican cada punto como positivo",
        "Validation {0}":
            "{0} de validación",
        "Training {0}":
            "{0} de entrenamiento",
        " ({0} of {1} diverged)":
            " ({0} de {1} divergieron)",
        "{0} across seeds":
            "{0} entre semillas",
        " Only the first {0} of the {1} variants are drawn; the tables hold every variant.":
            " Solo se dibujan las primeras {0} de las {1} variantes; las tablas contienen todas.",
        " (the data loss: the loss without the regularization penalty)":
            " (la pérdida de datos: la pérdida sin la penalización de la regularización)",
        "{0} per epoch for every variant{1}: the median across all its seeds (line) and the interquartile range (band). A diverged seed counts as +∞ from its divergence on, so a line ends (×) once half its seeds have diverged and values beyond 100× the largest starting loss (a band reaching +∞ included) are cut at the top; the legend says how many seeds diverged, and a variant whose seeds all diverged at once is a × at its median divergence epoch.":
            "{0} por época para cada variante{1}: la mediana de todas sus semillas (línea) y el rango intercuartílico (banda). Una semilla que diverge cuenta como +∞ desde su divergencia, así que una línea termina (×) cuando la mitad de sus semillas han divergido, y los valores por encima de 100× la mayor pérdida inicial (incluida una banda que llega a +∞) se cortan arriba; la leyenda dice cuántas semillas divergieron, y una variante cuyas semillas divergieron todas a la vez es una × en su época de divergencia mediana.",
        "Loss curves with median lines and interquartile bands per variant":
            "Curvas de pérdida con líneas de mediana y bandas intercuartílicas por variante",
        "final loss":
            "pérdida final",
        "median diverged":
            "la mediana divergió",
        "{0}: median diverged":
            "{0}: la mediana divergió",
        "Learning-rate sensitivity":
            "Sensibilidad a la tasa de aprendizaje",
        "learning rate":
            "tasa de aprendizaje",
        " Every seed starts from the same weights, the model's own, and the seeds trained identically: the same history, bit for bit.":
            " Todas las semillas parten de los mismos pesos, los del propio modelo, y entrenaron de forma idéntica: la misma historia, bit a bit.",
        " In every variant, every seed starts from the same weights, the model's own, and the seeds trained identically: each variant's intervals and tests count one run as many times as it has seeds.":
            " En cada variante, todas las semillas parten de los mismos pesos, los del propio modelo, y entrenaron de forma idéntica: los intervalos y pruebas de cada variante cuentan una sola ejecución tantas veces como semillas tiene.",
        " In every variant, every seed starts from the same weights, the model's own: the seeds differ only in what they still draw (the batch order, the dropout masks).":
            " En cada variante, todas las semillas parten de los mismos pesos, los del propio modelo: las semillas solo difieren en lo que aún sortean (el orden de los lotes, las máscaras de dropout).",
        " The model comes from {0}.":
            " El modelo viene de {0}.",
        " Every seed starts from the same weights, the model's own: the seeds change only the batch order.":
            " Todas las semillas parten de los mismos pesos, los del propio modelo: las semillas cambian solo el orden de los lotes.",
        " Every seed starts from the same weights, the model's own: the seeds change only the dropout masks.":
            " Todas las semillas parten de los mismos pesos, los del propio modelo: las semillas cambian solo las máscaras de dropout.",
        " Every seed starts from the same weights, the model's own: the seeds change only the batch order and the dropout masks.":
            " Todas las semillas parten de los mismos pesos, los del propio modelo: las semillas cambian solo el orden de los lotes y las máscaras de dropout.",
        " Constants: exact (every coefficient as written, none rounded to float32 as Keras does).":
            " Constantes: exactas (cada coeficiente tal como está escrito, ninguno redondeado a float32 como hace Keras).",
        "exact constants (none rounded to float32 as Keras does)":
            "constantes exactas (ninguna redondeada a float32 como hace Keras)",
        " The learning rate is the schedule's after each epoch's updates (the rate the next step uses), as Keras logs it.":
            " La tasa de aprendizaje es la del programa tras los pasos de cada época (la que usa el paso siguiente), como la registra Keras.",
        "constants":
            "constantes",
        "keras (the coefficients Keras rounds to float32 rounded as Keras does)":
            "keras (los coeficientes que Keras redondea a float32, redondeados como hace Keras)",
        "exact (every coefficient as written)":
            "exactas (cada coeficiente tal como está escrito)",
        "The median final training {0} across all seeds against the learning rate (both on log axes), a diverged seed counting as +∞; a × at the top, in the line's colour, marks each rate at which half or more of that line's seeds diverged.":
            "La {0} de entrenamiento final mediana de todas las semillas frente a la tasa de aprendizaje (ambas en ejes logarítmicos), contando como +∞ una semilla que diverge; una × arriba, del color de la línea, marca cada tasa en la que divergieron la mitad o más de las semillas de esa línea.",
        "Median final loss against learning rate on log axes, one line per variant, diverged rates marked":
            "Pérdida final mediana frente a la tasa de aprendizaje en ejes logarítmicos, una línea por variante, con las tasas que divergen marcadas",
        "Success rate":
            "Tasa de éxito",
        "The share of seeds that reached the target, over the two grid axes (other axes at their first level).":
            "La proporción de semillas que alcanzaron el objetivo, sobre los dos ejes de la cuadrícula (los demás ejes en su primer nivel).",
        "A heatmap table of success rates":
            "Una tabla de calor de las tasas de éxito",
        "‖W‖₂ (all layers)":
            "‖W‖₂ (todas las capas)",
        "share |w| < 10⁻³":
            "proporción |w| < 10⁻³",
        " (the first {0} of {1} combinations of the other axes)":
            " (las primeras {0} de {1} combinaciones de los demás ejes)",
        ", one panel per level of the other axes{0}":
            ", un panel por nivel de los demás ejes{0}",
        "Weight norm per {0} level":
            "Norma de los pesos por nivel de {0}",
        "The median (across seeds) of the total L2 norm ‖W‖₂ of all weights over the epochs, one line per {0} level{1}. A penalty shrinks the norm; how many weights it sets to zero is in the next figure.":
            "La mediana (entre semillas) de la norma L2 total ‖W‖₂ de todos los pesos a lo largo de las épocas, una línea por nivel de {0}{1}. Una penalización reduce la norma; cuántos pesos lleva a cero está en la figura siguiente.",
        "Weight-norm trajectories per regularizer level":
            "Trayectorias de la norma de los pesos por nivel de regularizador",
        "Share of weights near zero":
            "Proporción de pesos cercanos a cero",
        "The median (across seeds) share of weights with |w| < 10⁻³ over the epochs, one line per {0} level{1}: a rising line means the penalty (or the optimizer) drove weights to zero.":
            "La proporción mediana (entre semillas) de pesos con |w| < 10⁻³ a lo largo de las épocas, una línea por nivel de {0}{1}: una línea que sube significa que la penalización (o el optimizador) llevó pesos a cero.",
        "Share of near-zero weights over epochs per regularizer level":
            "Proporción de pesos cercanos a cero por época y nivel de regularizador",
        "Final weights (all seeds)":
            "Pesos finales (todas las semillas)",
        "share of weights":
            "proporción de pesos",
        "The distribution of the final weights' magnitudes (log₁₀|w|, bins of 0.25; below 10⁻⁶ in the first bin) over every seed that did not diverge, one line per {0} level (the other axes at their first level).":
            "La distribución de las magnitudes de los pesos finales (log₁₀|w|, intervalos de 0.25; por debajo de 10⁻⁶ en el primero) sobre cada semilla que no divergió, una línea por nivel de {0} (los demás ejes en su primer nivel).",
        "Frequency polygons of final weight magnitudes per regularizer level":
            "Polígonos de frecuencia de las magnitudes de los pesos finales por nivel de regularizador",
        "Loss landscape and optimizer paths (seed {0})":
            "Paisaje de pérdida y trayectorias de los optimizadores (semilla {0})",
        "The total loss (log scale, contours) over the plane of the two principal directions of the paths, centred at the first path's final weights; each line is one variant's path from the shared initial weights (circle) to its final weights (diamond). The plane explains {0} of the paths' spread.":
            "La pérdida total (escala logarítmica, curvas de nivel) sobre el plano de las dos direcciones principales de las trayectorias, centrado en los pesos finales de la primera trayectoria; cada línea es la trayectoria de una variante desde los pesos iniciales compartidos (círculo) hasta sus pesos finales (rombo). El plano explica el {0} de la dispersión de las trayectorias.",
        "A loss landscape with contour lines and optimizer paths":
            "Un paisaje de pérdida con curvas de nivel y trayectorias de optimizadores",
        "— (every seed diverged)":
            "— (divergieron todas las semillas)",
        " ({0} of {1} seeds)":
            " ({0} de {1} semillas)",
        "never":
            "nunca",
        "Success per variant across {0} seed{1}: runs that reach the target and do not diverge, with a Wilson 95% interval; epochs to reach it (median [interquartile range], a run that never does counting as “never”, i.e. +∞); runs that diverged.":
            "Éxito por variante en {0} semilla{1}: ejecuciones que alcanzan el objetivo y no divergen, con un intervalo de Wilson al 95%; épocas hasta alcanzarlo (mediana [rango intercuartílico], una ejecución que nunca lo alcanza cuenta como «nunca», es decir, +∞); ejecuciones que divergieron.",
        "95% interval (Wilson)":
            "intervalo al 95% (Wilson)",
        "epochs to target: median [IQR]":
            "épocas hasta el objetivo: mediana [RIC]",
        "final {0}":
            "{0} final",
        "final validation {0}":
            "{0} de validación final",
        "final val_{0}":
            "{0} de validación final",
        "Final values per variant, as median [interquartile range]: the {0} for training (and validation when given) over every seed, a diverged seed counting as +∞ (“diverged”); the metric over the seeds that did not diverge.":
            "Valores finales por variante, como mediana [rango intercuartílico]: la {0} de entrenamiento (y de validación cuando la hay) sobre todas las semillas, contando como +∞ («divergió») una semilla que diverge; la métrica sobre las semillas que no divergieron.",
        "data loss (the loss without the regularization penalty, so that regularizers are compared on the fit to the data)":
            "pérdida de datos (la pérdida sin la penalización de la regularización, para comparar los regularizadores por su ajuste a los datos)",
        "success rate, then median epochs to the target, then median final {0}":
            "tasa de éxito, luego mediana de épocas hasta el objetivo, luego {0} final mediana",
        "Ranking by {0} (a diverged seed counts as the worst value; remaining ties broken by name).":
            "Clasificación por {0} (una semilla que diverge cuenta como el peor valor; los empates restantes se deshacen por nombre).",
        "ranked by: median final {0}":
            "ordenado por: {0} final mediana",
        " (a diverged seed the worst)":
            " (una semilla que diverge, la peor)",
        "All {0} variants start from the same initial weights for each seed and train on the same data, so only the swept setting differs between them.":
            "Las {0} variantes parten de los mismos pesos iniciales para cada semilla y entrenan con los mismos datos, así que solo difiere entre ellas la configuración barrida.",
        "Initial weights are shared, for each seed, within these groups (variants whose layers have the same shapes): ":
            "Los pesos iniciales se comparten, para cada semilla, dentro de estos grupos (variantes cuyas capas tienen las mismas formas): ",
        "none — every variant's shapes differ.":
            "ninguno: las formas de todas las variantes difieren.",
        ". Every variant trains on the same data.":
            ". Todas las variantes entrenan con los mismos datos.",
        "The data differ between variants (a data or noise axis), so a difference across them is the data's as much as the setting's. ":
            "Los datos difieren entre variantes (un eje de datos o de ruido), así que una diferencia entre ellas se debe tanto a los datos como a la configuración. ",
        "All start from the same initial weights for each seed; ":
            "Todas parten de los mismos pesos iniciales para cada semilla; ",
        "initial weights and data are both shared, for each seed, within these groups: ":
            "los pesos iniciales y los datos se comparten, para cada semilla, dentro de estos grupos: ",
        "none — no two variants are a controlled comparison.":
            "ninguno: no hay dos variantes que formen una comparación controlada.",
        "+∞ (A diverged)":
            "+∞ (A divergió)",
        "−∞ (B diverged)":
            "−∞ (B divergió)",
        "Paired comparisons of {0} (what the ranking orders by) over the same seeds: how often the first variant ends lower, the median difference (first − second), the two-sided Wilcoxon signed-rank and sign-test p-values, and the matched-pairs rank-biserial correlation r = (W⁺ − W⁻)/(W⁺ + W⁻) of A − B (from −1 to 1; negative when A ends lower), the same signed value as in the sentence below. A diverged seed's final value counts as the worst (+∞ for a loss, −∞ for an accuracy; two diverged seeds are equal). Zero differences are dropped; p-values are exact up to 50 pairs.":
            "Comparaciones pareadas de {0} (lo que ordena la clasificación) sobre las mismas semillas: con qué frecuencia termina más baja la primera variante, la diferencia mediana (primera − segunda), los valores p bilaterales de Wilcoxon de rangos con signo y de la prueba de los signos, y la correlación biserial de rangos para pares r = (W⁺ − W⁻)/(W⁺ + W⁻) de A − B (de −1 a 1; negativa cuando A termina más baja), el mismo valor con signo que en la frase de abajo. El valor final de una semilla que diverge cuenta como el peor (+∞ para una pérdida, −∞ para una exactitud; dos semillas que divergen son iguales). Se descartan las diferencias nulas; los valores p son exactos hasta 50 pares.",
        "variant A":
            "variante A",
        "variant B":
            "variante B",
        "A lower":
            "A más baja",
        "median A − B":
            "mediana A − B",
        "Wilcoxon p":
            "p de Wilcoxon",
        "sign test p":
            "p de la prueba de los signos",
        "effect r":
            "efecto r",
        "last finite loss {0}":
            "última pérdida finita {0}",
        "no finite loss before it":
            "ninguna pérdida finita antes",
        "diverged at epoch {0}, batch {1}: the loss became non-finite ({2}, learning rate {3})":
            "divergió en la época {0}, lote {1}: la pérdida dejó de ser finita ({2}, tasa de aprendizaje {3})",
        "diverged at epoch {0}, batch {1}: the weights became non-finite ({2}, learning rate {3})":
            "divergió en la época {0}, lote {1}: los pesos dejaron de ser finitos ({2}, tasa de aprendizaje {3})",
        "diverged at epoch {0}, batch {1}: the {2} became non-finite ({3}, learning rate {4})":
            "divergió en la época {0}, lote {1}: {2} dejó de ser finito ({3}, tasa de aprendizaje {4})",
        "{0} reached {1} at epoch {2}":
            "{0} alcanzó {1} en la época {2}",
        "{0} did not improve for {1} (best {2})":
            "{0} no mejoró en {1} (mejor {2})",
        ", {0} without a value left out":
            ", {0} sin valor descartadas",
        "{0} and {1} cannot be compared on {2}: no seed has values for both{3}":
            "{0} y {1} no se pueden comparar en {2}: ninguna semilla tiene valores de ambas{3}",
        " ({0} seeds)":
            " ({0} semillas)",
        "{0} and {1} have identical {2} in all {3} seeds (p = 1{4})":
            "{0} y {1} tienen {2} idéntica en las {3} semillas (p = 1{4})",
        "Wilcoxon signed-rank, {0}":
            "Wilcoxon de rangos con signo, {0}",
        ", equal in {0}":
            ", igual en {0}",
        "{0} and {1} do not differ consistently in {2}: {3} is lower in {4}, higher in {5}{6} of {7} seeds ({8}, r = {9}{10})":
            "{0} y {1} no difieren de forma consistente en {2}: {3} la tiene más baja en {4} y más alta en {5}{6} de {7} semillas ({8}, r = {9}{10})",
        "{0} has lower {1} than {2} in {3} of {4} seeds ({5}, r = {6}{7})":
            "{0} tiene {1} más baja que {2} en {3} de {4} semillas ({5}, r = {6}{7})",
        "{0} has higher {1} than {2} in {3} of {4} seeds ({5}, r = {6}{7})":
            "{0} tiene {1} más alta que {2} en {3} de {4} semillas ({5}, r = {6}{7})",
        "count|diverged":
            "divergidas",
        "data_loss":
            "pérdida de datos",
        "val_data_loss":
            "pérdida de datos de validación",
        "penalty":
            "penalización",
        "learning_rate":
            "tasa de aprendizaje",
        "val_loss":
            "pérdida de validación",
        "val_accuracy":
            "exactitud de validación",
        "val_sign_accuracy":
            "exactitud por signo de validación",
        "val_xor_accuracy":
            "exactitud XOR de validación",
        "sign_accuracy":
            "exactitud por signo",
        "xor_accuracy":
            "exactitud XOR",
        "activation":
            "activación",
        "regularizer":
            "regularizador",
        "l1":
            "L1",
        "l2":
            "L2",
        "optimizer":
            "optimizador",
        "batch size":
            "tamaño de lote",
        "hidden units":
            "unidades ocultas",
        "initializer":
            "inicializador",
        "architecture":
            "arquitectura",
        "noise":
            "ruido",
        "sign accuracy":
            "exactitud por signo",
        "val loss":
            "pérdida de validación",
        "val accuracy":
            "exactitud de validación",
        "val sign accuracy":
            "exactitud por signo de validación",
        "val xor accuracy":
            "exactitud XOR de validación",
        "val data loss":
            "pérdida de datos de validación",
        "xor accuracy":
            "exactitud XOR",
        "NNLab lab report: backprop by hand and XOR":
            "Informe de laboratorio de NNLab: retropropagación a mano y XOR",
        "NNLab default experiment":
            "Experimento por defecto de NNLab",
        "XOR 2-2-1 tanh, L2 on the hidden layer, L1 on the output (course P6-TP2)":
            "XOR 2-2-1 tanh, L2 en la capa oculta, L1 en la salida (curso P6-TP2)",
        "XOR with a concat-input skip: dense 1 → concat_input → dense 1":
            "XOR con un salto concat-input: dense 1 → concat_input → dense 1",
        "Activations × regularizers on XOR":
            "Activaciones × regularizadores en XOR",
        "Handwritten digits (UCI 8×8): an MLP with softmax and cross-entropy":
            "Dígitos manuscritos (UCI 8×8): un MLP con softmax y entropía cruzada",
        "# NNLab's default lab report. Save this as a file, change it, and run: nnlab report FILE.yaml":
            "# El informe de laboratorio por defecto de NNLab. Guárdelo como archivo, cámbielo y ejecute: nnlab report ARCHIVO.yaml",
    ]
}
