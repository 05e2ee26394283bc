/** The eight challenges in English (careful translations of the partnership's wording in catalogue.da.ts). */
import type { CHALLENGE_TEXT } from "./catalogue.da";

export const CHALLENGE_TEXT_EN: Record<keyof typeof CHALLENGE_TEXT, { title: string; shortTitle: string; description: string }> = {
  1: {
    shortTitle: "The child's perspective",
    title:
      "The perspective and resources of the child or young person do not shape how support is organised across school and social services",
    description:
      "Children and young people need adults who involve them as experts in their own lives. Goals are often set within one field at a time, although the child's life spans school, leisure and family, and support is often planned without the child's own perspective and without a view of the whole.",
  },
  2: {
    shortTitle: "Low expectations",
    title: "Children and young people in vulnerable positions meet low expectations of their academic development",
    description:
      "Poverty of expectations – a misunderstood positive special treatment – can stigmatise the children and lead professionals to expect too little of their academic development. Children who meet low expectations perform worse and risk expecting little of themselves.",
  },
  3: {
    shortTitle: "Support and communities",
    title: "Support for the individual child is not connected with the communities the child belongs to",
    description:
      "Support rests on individual rights and is often defined as a narrow individual need rather than support for a community that includes the child. Too few bridges are built between communities in and outside school, and the educational psychology service (PPR) spends much time on individual assessment rather than preventive work in the learning environments.",
  },
  4: {
    shortTitle: "System and shared responsibility",
    title: "Cooperation across sectors lacks system, continuity and shared responsibility",
    description:
      "The sectors often drift apart, leaving the child to hold the thread. There are too few adults who follow the child and coordinate, cooperation at school changes is limited, and cooperation across municipalities is hard when children are placed in another municipality.",
  },
  5: {
    shortTitle: "Competences and tools",
    title: "The necessary competences and tools are missing",
    description:
      "Teachers, pedagogues, social workers and social pedagogues lack concrete tools to keep a shared focus on both learning and well-being. The schools' staff profiles do not cover special-needs and social-work competences well enough, and placement sites lack knowledge of schooling.",
  },
  6: {
    shortTitle: "Social investment",
    title: "Too few social investments are made in the children's schooling",
    description:
      "Investing in the children's schooling pays off in the long run for each child and for society, but budgets are managed in the short term and in separate accounts. There are few examples of money moved from individual support and costly measures to efforts in the mainstream learning environment.",
  },
  7: {
    shortTitle: "Governance logics",
    title: "Governance logics hinder a joint, cross-sector strategic effort",
    description:
      "The school and social departments each have their own budgets, goals and governance logics. That makes it hard to set a joint strategy for the children's schooling and to share responsibility for the results when goals are set in one department at a time.",
  },
  8: {
    shortTitle: "Knowledge in practice",
    title: "Knowledge and research on the schooling of children in vulnerable positions are not used in practice",
    description:
      "There is knowledge of what works for these children's schooling, but it is too seldom put into practice in schools, placement sites and family departments, and data on the children's schooling is used too little in joint governance.",
  },
};
