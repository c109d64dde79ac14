# language: fr
Fonctionnalité: Étape 0 – L'assuré se rend sur le compte ameli
  L'assuré se rend dans l'espace de connexion au compte ameli
  en cliquant sur « Connectez-vous ».

  @E0-ACCES
  Scénario: L'accueil du compte ameli mène à la page de connexion
    Étant donné que je suis sur l'accueil du compte ameli
    Alors la page propose « Connectez-vous »
    Et la page propose « Créez votre compte »
    Quand je clique sur « Connectez-vous »
    Alors je suis sur la page de connexion
