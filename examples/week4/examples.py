"""The week-4 example class: each notebook the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. The step-by-step
notebooks are in ``step_by_step/``; each application case is a folder in
``application/`` holding the application notebook and, where the case has one, the same
student's step-by-step notebook beside it under its own name (the grader looks for it
there). The expected scores are listed in ``README.md`` here and asserted by
``tests/autograder/test_week4_examples.py``.
"""

from make_examples import Edit, Example, NewBody

NOTEBOOK = STEP = "week4/deep_network_step_by_step"
APP = "week4/deep_network_application"

EXPLORATION = (
    ("", 'parameters = initialize_parameters(3, 2, 1)\n'
         'print("W1 =", parameters["W1"])\n'
         'AL, caches = L_model_forward(np.ones((4, 2)), initialize_parameters_deep([4, 3, 1]))\n'
         'print("AL =", AL, "with", len(caches), "caches")'),
    ("", '# Debugging: does my backward pass agree with a finite difference?\n'
         'eps = 1e-6\n'
         'print("compute_cost at AL +- eps:", compute_cost(AL + eps, np.ones((1, 2))), '
         'compute_cost(AL - eps, np.ones((1, 2))))'),
)

#: Top-level cells that raise or take long in Jupyter; grading never runs them.
CRASHING = (
    ("", 'print("my deep network:", my_network)  # NameError: never defined'),
    ("", 'grads = L_model_backward(AL, Y, caches)  # NameError: AL, Y, caches were never made here'),
    ("", 'assert False, "TODO: finish the backward pass"'),
    ("", 'print("cost:", compute_cost(np.array([[0.5]]), np.array([[1.0]]))'),  # SyntaxError
    ("", '# Train a big network for a while (minutes in Jupyter)\n'
         'params = initialize_parameters_deep([12288, 200, 100, 1])\n'
         'for i in range(100000):\n'
         '    AL, caches = L_model_forward(np.random.randn(12288, 64), params)'),
)


def _step(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"step_by_step/{file}", what, edits, cells, notebook=STEP, stub=stub)


def _case(folder: str, what: str, app_edits: tuple = (), step_edits: tuple | None = (),
          app_stub: bool = False) -> tuple[Example, ...]:
    """An application case: the application notebook, and the step-by-step one beside it
    (``step_edits=None``: none beside it)."""
    app = Example(f"application/{folder}/deep_network_application.ipynb", what, app_edits, notebook=APP,
                  stub=app_stub)
    if step_edits is None:
        return (app,)
    step = Example(f"application/{folder}/deep_network_step_by_step.ipynb",
                   f"the step-by-step notebook beside the application notebook of '{folder}'", step_edits, notebook=STEP)
    return app, step


LINEAR_FORWARD_WITHOUT_B = Edit("linear_forward forgets b", "    Z = np.dot(W, A) + b\n", "    Z = np.dot(W, A)\n")

EXAMPLES = (
    _step("correct.ipynb", "the solution, filled in, plus exploration cells that call things at top level",
          cells=EXPLORATION),
    _step("stub.ipynb", "the untouched student copy", stub=True),
    _step("crashing_cells.ipynb", "correct functions; top-level cells raise NameError, AssertionError, a SyntaxError, "
          "and one trains a big network for 100000 steps", cells=CRASHING),
    _step("init_seed_per_layer.ipynb", "initialize_parameters_deep sets the seed again for every layer", (
        Edit("seed in the loop", "    for l in range(1, L + 1):\n        parameters[\"W\" + str(l)] = np.random.randn",
             "    for l in range(1, L + 1):\n        np.random.seed(1)\n        parameters[\"W\" + str(l)] = np.random.randn"),)),
    _step("cache_order_swapped.ipynb", "linear_forward returns the cache (W, A, b)", (
        Edit("cache (W, A, b)", "    cache = (A, W, b)\n", "    cache = (W, A, b)\n"),)),
    _step("forward_last_layer_relu.ipynb", "L_model_forward sends the last layer through relu", (
        Edit("last layer relu", 'parameters["b" + str(L)], "sigmoid")', 'parameters["b" + str(L)], "relu")'),)),
    _step("forward_reuses_X.ipynb", "L_model_forward feeds X to every relu layer (right with two layers only)", (
        Edit("A_prev = X", "        A_prev = A\n", "        A_prev = X\n"),)),
    _step("backward_reuses_last_dA.ipynb",
          "L_model_backward feeds dA[L-1] to every relu layer (right with two layers only)", (
              Edit("dA of layer L-1 in the loop", 'linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")',
                   'linear_activation_backward(grads["dA" + str(L - 1)], caches[l - 1], "relu")'),)),
    _step("db_without_axis.ipynb", "linear_backward sums dZ over everything: np.sum(dZ) / m", (
        Edit("db without axis", "db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ) / m"),)),
    _step("dw_without_1_over_m.ipynb", "linear_backward's dW lacks the 1/m", (
        Edit("dW without 1/m", "dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),)),
    _step("update_in_place.ipynb", "update_parameters updates the dict it was given, not a copy", (
        Edit("no copy", "    parameters = copy.deepcopy(params)\n", "    parameters = params\n"),)),
    *_case("correct", "the solution, with the finished step-by-step notebook beside it"),
    *_case("buggy_step_by_step", "a correct application notebook; beside it, a step-by-step notebook whose "
           "linear_forward forgets b", step_edits=(LINEAR_FORWARD_WITHOUT_B,)),
    *_case("without_step_by_step", "a correct application notebook alone (no step-by-step notebook beside it)",
           step_edits=None),
    *_case("stub", "the untouched application notebook, with the finished step-by-step notebook beside it",
           app_stub=True),
    *_case("learning_rate_changed", "two_layer_model's default learning_rate changed to 0.01 (alone)", (
        Edit("learning_rate=0.01", "def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,",
             "def two_layer_model(X, Y, layers_dims, learning_rate=0.01,"),), step_edits=None),
    *_case("model_never_updates", "L_layer_model forgets to keep the updated parameters (alone)", (
               NewBody("parameters not kept", "L_layer_model",
                       "parameters = initialize_parameters_deep(layers_dims)  # noqa: F405\n"
                       "for i in range(num_iterations):\n"
                       "    AL, caches = L_model_forward(X, parameters)  # noqa: F405\n"
                       "    cost = compute_cost(AL, Y)  # noqa: F405\n"
                       "    grads = L_model_backward(AL, Y, caches)  # noqa: F405\n"
                       "    update_parameters(parameters, grads, learning_rate)  # noqa: F405\n"
                       "    if i % 100 == 0:\n"
                       "        costs.append(cost)"),), step_edits=None),
)

#: A step-by-step notebook in the classic course's style: its imports and helper test
#: calls, scale 0.01 in the deep initialization, update_parameters(parameters, ...) updating
#: in place as its earlier versions did. Written here, in the course's layout.
CLASSIC_STEP_CELLS = (
    ("markdown", "# Building your Deep Neural Network: Step by Step"),
    ("code", "import numpy as np\nimport h5py\nimport matplotlib.pyplot as plt\nfrom testCases import *\n"
             "from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward\nfrom public_tests import *\n\n"
             "%matplotlib inline\n%load_ext autoreload\n%autoreload 2\n\nnp.random.seed(1)"),
    ("code", "# GRADED FUNCTION: initialize_parameters\n\ndef initialize_parameters(n_x, n_h, n_y):\n"
             "    np.random.seed(1)\n    # YOUR CODE STARTS HERE\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
             "    b1 = np.zeros((n_h, 1))\n    W2 = np.random.randn(n_y, n_h) * 0.01\n    b2 = np.zeros((n_y, 1))\n"
             "    # YOUR CODE ENDS HERE\n    parameters = {\"W1\": W1,\n                  \"b1\": b1,\n"
             "                  \"W2\": W2,\n                  \"b2\": b2}\n    return parameters"),
    ("code", "parameters = initialize_parameters(3, 2, 1)\nprint(\"W1 = \" + str(parameters[\"W1\"]))\n\n"
             "initialize_parameters_test(initialize_parameters)"),
    ("code", "# GRADED FUNCTION: initialize_parameters_deep\n\ndef initialize_parameters_deep(layer_dims):\n"
             "    np.random.seed(3)\n    parameters = {}\n    L = len(layer_dims)  # number of layers in the network\n\n"
             "    for l in range(1, L):\n        # YOUR CODE STARTS HERE\n"
             "        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01\n"
             "        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))\n        # YOUR CODE ENDS HERE\n"
             "        assert(parameters['W' + str(l)].shape == (layer_dims[l], layer_dims[l - 1]))\n\n"
             "    return parameters"),
    ("code", "# GRADED FUNCTION: linear_forward\n\ndef linear_forward(A, W, b):\n    # YOUR CODE STARTS HERE\n"
             "    Z = np.dot(W, A) + b\n    # YOUR CODE ENDS HERE\n    cache = (A, W, b)\n\n    return Z, cache"),
    ("code", "t_A, t_W, t_b = linear_forward_test_case()\nt_Z, t_linear_cache = linear_forward(t_A, t_W, t_b)\n"
             "print(\"Z = \" + str(t_Z))\n\nlinear_forward_test(linear_forward)"),
    ("code", "# GRADED FUNCTION: linear_activation_forward\n\n"
             "def linear_activation_forward(A_prev, W, b, activation):\n    if activation == \"sigmoid\":\n"
             "        # YOUR CODE STARTS HERE\n        Z, linear_cache = linear_forward(A_prev, W, b)\n"
             "        A, activation_cache = sigmoid(Z)\n        # YOUR CODE ENDS HERE\n\n"
             "    elif activation == \"relu\":\n        # YOUR CODE STARTS HERE\n"
             "        Z, linear_cache = linear_forward(A_prev, W, b)\n        A, activation_cache = relu(Z)\n"
             "        # YOUR CODE ENDS HERE\n    cache = (linear_cache, activation_cache)\n\n    return A, cache"),
    ("code", "# GRADED FUNCTION: L_model_forward\n\ndef L_model_forward(X, parameters):\n    caches = []\n    A = X\n"
             "    L = len(parameters) // 2                  # number of layers in the neural network\n\n"
             "    for l in range(1, L):\n        A_prev = A\n        # YOUR CODE STARTS HERE\n"
             "        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "
             "activation = \"relu\")\n        caches.append(cache)\n        # YOUR CODE ENDS HERE\n\n"
             "    # YOUR CODE STARTS HERE\n    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], "
             "parameters['b' + str(L)], activation = \"sigmoid\")\n    caches.append(cache)\n    # YOUR CODE ENDS HERE\n\n"
             "    return AL, caches"),
    ("code", "# GRADED FUNCTION: compute_cost\n\ndef compute_cost(AL, Y):\n    m = Y.shape[1]\n\n"
             "    # YOUR CODE STARTS HERE\n    cost = (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))\n"
             "    # YOUR CODE ENDS HERE\n\n    cost = np.squeeze(cost)\n\n    return cost"),
    ("code", "# GRADED FUNCTION: linear_backward\n\ndef linear_backward(dZ, cache):\n    A_prev, W, b = cache\n"
             "    m = A_prev.shape[1]\n\n    # YOUR CODE STARTS HERE\n    dW = 1 / m * np.dot(dZ, A_prev.T)\n"
             "    db = 1 / m * np.sum(dZ, axis = 1, keepdims = True)\n    dA_prev = np.dot(W.T, dZ)\n"
             "    # YOUR CODE ENDS HERE\n\n    return dA_prev, dW, db"),
    ("code", "# GRADED FUNCTION: linear_activation_backward\n\n"
             "def linear_activation_backward(dA, cache, activation):\n    linear_cache, activation_cache = cache\n\n"
             "    if activation == \"relu\":\n        # YOUR CODE STARTS HERE\n"
             "        dZ = relu_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
             "        # YOUR CODE ENDS HERE\n\n    elif activation == \"sigmoid\":\n        # YOUR CODE STARTS HERE\n"
             "        dZ = sigmoid_backward(dA, activation_cache)\n        dA_prev, dW, db = linear_backward(dZ, linear_cache)\n"
             "        # YOUR CODE ENDS HERE\n\n    return dA_prev, dW, db"),
    ("code", "# GRADED FUNCTION: L_model_backward\n\ndef L_model_backward(AL, Y, caches):\n    grads = {}\n"
             "    L = len(caches) # the number of layers\n    m = AL.shape[1]\n"
             "    Y = Y.reshape(AL.shape) # after this line, Y is the same shape as AL\n\n    # YOUR CODE STARTS HERE\n"
             "    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))\n\n    current_cache = caches[L - 1]\n"
             "    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, \"sigmoid\")\n"
             "    grads[\"dA\" + str(L-1)] = dA_prev_temp\n    grads[\"dW\" + str(L)] = dW_temp\n"
             "    grads[\"db\" + str(L)] = db_temp\n\n    for l in reversed(range(L-1)):\n"
             "        current_cache = caches[l]\n        dA_prev_temp, dW_temp, db_temp = linear_activation_backward("
             "grads[\"dA\" + str(l + 1)], current_cache, \"relu\")\n        grads[\"dA\" + str(l)] = dA_prev_temp\n"
             "        grads[\"dW\" + str(l + 1)] = dW_temp\n        grads[\"db\" + str(l + 1)] = db_temp\n"
             "    # YOUR CODE ENDS HERE\n\n    return grads"),
    ("code", "# GRADED FUNCTION: update_parameters\n\ndef update_parameters(parameters, grads, learning_rate):\n"
             "    L = len(parameters) // 2 # number of layers in the neural network\n\n    # YOUR CODE STARTS HERE\n"
             "    for l in range(L):\n        parameters[\"W\" + str(l+1)] = parameters[\"W\" + str(l+1)] - "
             "learning_rate * grads[\"dW\" + str(l+1)]\n        parameters[\"b\" + str(l+1)] = parameters[\"b\" + str(l+1)] - "
             "learning_rate * grads[\"db\" + str(l+1)]\n    # YOUR CODE ENDS HERE\n    return parameters"),
    ("code", "t_parameters, grads = update_parameters_test_case()\n"
             "t_parameters = update_parameters(t_parameters, grads, 0.1)\n\nupdate_parameters_test(update_parameters)"),
)

#: An application notebook in the classic course's style: the course's helper module
#: (dnn_app_utils_v3, whose own step-by-step functions it relies on), models returning
#: only their parameters as earlier versions did, and no predict of its own (the course
#: gave it: the spec declares it given, so it is not graded as the learner's).
CLASSIC_APP_CELLS = (
    ("markdown", "# Deep Neural Network for Image Classification: Application"),
    ("code", "import time\nimport numpy as np\nimport h5py\nimport matplotlib.pyplot as plt\nimport scipy\n"
             "from PIL import Image\nfrom scipy import ndimage\nfrom dnn_app_utils_v3 import *\nfrom public_tests import *\n\n"
             "%matplotlib inline\nplt.rcParams['figure.figsize'] = (5.0, 4.0)\n\n%load_ext autoreload\n%autoreload 2\n\n"
             "np.random.seed(1)"),
    ("code", "train_x_orig, train_y, test_x_orig, test_y, classes = load_data()"),
    ("code", "train_x_flatten = train_x_orig.reshape(train_x_orig.shape[0], -1).T\n"
             "test_x_flatten = test_x_orig.reshape(test_x_orig.shape[0], -1).T\n"
             "train_x = train_x_flatten/255.\ntest_x = test_x_flatten/255."),
    ("code", "### CONSTANTS DEFINING THE MODEL ####\nn_x = 12288     # num_px * num_px * 3\nn_h = 7\nn_y = 1\n"
             "layers_dims = (n_x, n_h, n_y)\nlearning_rate = 0.0075"),
    ("code", "# GRADED FUNCTION: two_layer_model\n\n"
             "def two_layer_model(X, Y, layers_dims, learning_rate = 0.0075, num_iterations = 3000, print_cost=False):\n"
             "    np.random.seed(1)\n    grads = {}\n    costs = []\n    m = X.shape[1]\n"
             "    (n_x, n_h, n_y) = layers_dims\n\n    parameters = initialize_parameters(n_x, n_h, n_y)\n\n"
             "    W1 = parameters[\"W1\"]\n    b1 = parameters[\"b1\"]\n    W2 = parameters[\"W2\"]\n    b2 = parameters[\"b2\"]\n\n"
             "    for i in range(0, num_iterations):\n        A1, cache1 = linear_activation_forward(X, W1, b1, 'relu')\n"
             "        A2, cache2 = linear_activation_forward(A1, W2, b2, 'sigmoid')\n        cost = compute_cost(A2, Y)\n"
             "        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))\n"
             "        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, 'sigmoid')\n"
             "        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, 'relu')\n"
             "        grads['dW1'] = dW1\n        grads['db1'] = db1\n        grads['dW2'] = dW2\n        grads['db2'] = db2\n"
             "        parameters = update_parameters(parameters, grads, learning_rate)\n"
             "        W1 = parameters[\"W1\"]\n        b1 = parameters[\"b1\"]\n        W2 = parameters[\"W2\"]\n"
             "        b2 = parameters[\"b2\"]\n        if print_cost and i % 100 == 0:\n"
             "            print(\"Cost after iteration {}: {}\".format(i, np.squeeze(cost)))\n"
             "        if print_cost and i % 100 == 0:\n            costs.append(cost)\n\n    return parameters"),
    ("code", "parameters = two_layer_model(train_x, train_y, layers_dims = (n_x, n_h, n_y), num_iterations = 2500, "
             "print_cost=True)"),
    ("code", "predictions_train = predict(train_x, train_y, parameters)"),
    ("code", "### CONSTANTS ###\nlayers_dims = [12288, 20, 7, 5, 1] #  4-layer model"),
    ("code", "# GRADED FUNCTION: L_layer_model\n\n"
             "def L_layer_model(X, Y, layers_dims, learning_rate = 0.0075, num_iterations = 3000, print_cost=False):\n"
             "    np.random.seed(1)\n    costs = []\n\n    parameters = initialize_parameters_deep(layers_dims)\n\n"
             "    for i in range(0, num_iterations):\n        AL, caches = L_model_forward(X, parameters)\n"
             "        cost = compute_cost(AL, Y)\n        grads = L_model_backward(AL, Y, caches)\n"
             "        parameters = update_parameters(parameters, grads, learning_rate)\n"
             "        if print_cost and i % 100 == 0:\n            print (\"Cost after iteration %i: %f\" %(i, cost))\n"
             "        if print_cost and i % 100 == 0:\n            costs.append(cost)\n\n    return parameters"),
    ("code", "parameters = L_layer_model(train_x, train_y, layers_dims, num_iterations = 2500, print_cost = True)"),
    ("code", "pred_test = predict(test_x, test_y, parameters)\nprint_mislabeled_images(classes, test_x, test_y, pred_test)"),
)

WRITTEN = {
    "step_by_step/classic_course.ipynb": (
        "correct functions in the classic course's style: testCases, dnn_utils, public_tests, %matplotlib inline, "
        "its helper test calls at top level; 0.01 scale in the deep initialization; update_parameters(parameters, ...) "
        "updating in place (the course's earlier version)", CLASSIC_STEP_CELLS),
    "application/classic_course/deep_network_application.ipynb": (
        "a correct application notebook in the classic course's style, alone: dnn_app_utils_v3, models that return "
        "only their parameters, no predict of its own", CLASSIC_APP_CELLS),
}
